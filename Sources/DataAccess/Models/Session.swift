import FoundationEssentials

/// A runtime session (`TENANT#{id}` / `SESSION#{sessionId}`).
///
/// `expiresAt` is when the runtime would drop the session for inactivity
/// (15 minutes after `lastActivityAt`); `ttl` removes the row 24 hours after
/// the last activity.
public struct Session: TableRecord, Equatable {
    public var sessionID: SessionID
    public var tenantID: TenantID
    public var agentName: AgentName
    public var runtimeSessionID: String
    public var createdAt: Date
    public var lastActivityAt: Date
    public var expiresAt: Date
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case sessionID = "sessionId", tenantID = "tenantId", agentName, runtimeSessionID = "runtimeSessionId"
        case createdAt, lastActivityAt, expiresAt, ttl
    }

    public init(sessionID: SessionID, tenantID: TenantID, agentName: AgentName, runtimeSessionID: String, now: Date) {
        self.sessionID = sessionID
        self.tenantID = tenantID
        self.agentName = agentName
        self.runtimeSessionID = runtimeSessionID
        createdAt = now
        lastActivityAt = now
        expiresAt = now.addingTimeInterval(Retention.sessionIdle)
        ttl = Retention.sessionTTL(now: now)
    }

    public var key: TableKey { .session(tenantID, sessionID) }

    /// The session after activity (an invocation or a keep-alive) at `now`.
    public func touched(now: Date) -> Session {
        var session = self
        session.lastActivityAt = now
        session.expiresAt = now.addingTimeInterval(Retention.sessionIdle)
        session.ttl = Retention.sessionTTL(now: now)
        return session
    }
}
