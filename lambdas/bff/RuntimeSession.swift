/// A runtime session a tenant opened (`platform-sessions`, `TENANT#{id}` / `SESSION#{sessionId}`).
struct RuntimeSession: Equatable, Sendable {
    var tenantID: String
    var sessionID: String
    /// The agent whose runtime holds the session, when the bridge recorded it.
    var agentName: String?
}
