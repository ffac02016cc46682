/// A runtime session a tenant opened (`platform-sessions`, `TENANT#{id}` / `SESSION#{sessionId}`).
struct RuntimeSession: Equatable, Sendable {
    var tenantID: String
    var sessionID: String
    /// The user who opened it: only they may keep it alive.
    var subject: String
    /// The agent whose runtime holds the session.
    var agentName: String
    /// The AgentCore runtime session id the bridge used (what the ping must name).
    var runtimeSessionID: String
}
