import FoundationEssentials

/// A runtime session a caller opened (`TENANT#{id}` / `SESSION#{sessionId}`),
/// written by the bridge before every invocation in it (ADR 0026).
///
/// `sessionID` is the client's handle; `runtimeSessionID` is the id the bridge
/// derived from the tenant and that handle and sent to AgentCore (what a
/// keep-alive must ping). `subject` and `agentName` are the owner: the handle
/// reaches the session only for that user and agent. `expiresAt` is when the
/// runtime would drop the session for inactivity (15 minutes after
/// `lastUsedAt`); `ttl` removes the row 24 hours after the last use.
public struct Session: TableRecord, Equatable {
    public var sessionID: SessionID
    public var tenantID: TenantID
    public var subject: String
    public var agentName: AgentName
    public var runtimeSessionID: String
    public var createdAt: Date
    public var lastUsedAt: Date
    public var expiresAt: Date
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case sessionID = "sessionId", tenantID = "tenantId", subject, agentName, runtimeSessionID = "runtimeSessionId"
        case createdAt, lastUsedAt, expiresAt, ttl
    }

    public init(sessionID: SessionID, tenantID: TenantID, subject: String, agentName: AgentName,
                runtimeSessionID: String, now: Date) {
        self.sessionID = sessionID
        self.tenantID = tenantID
        self.subject = subject
        self.agentName = agentName
        self.runtimeSessionID = runtimeSessionID
        createdAt = now
        lastUsedAt = now
        expiresAt = now.addingTimeInterval(Retention.sessionIdle)
        ttl = Retention.sessionTTL(now: now)
    }

    public var key: TableKey { .session(tenantID, sessionID) }

    /// Whether `subject` using `agentName` may use this session.
    public func isOwned(bySubject subject: String, agentName: AgentName) -> Bool {
        self.subject == subject && self.agentName == agentName
    }

    /// The session after use (an invocation or a keep-alive) at `now`.
    public func touched(now: Date) -> Session {
        var session = self
        session.lastUsedAt = now
        session.expiresAt = now.addingTimeInterval(Retention.sessionIdle)
        session.ttl = Retention.sessionTTL(now: now)
        return session
    }
}
