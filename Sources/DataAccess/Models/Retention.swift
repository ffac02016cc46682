import FoundationEssentials

/// How long records live, and the TTL values derived from an injected `now`.
public enum Retention {
    public static let invocation: TimeInterval = 90 * 86_400
    public static let job: TimeInterval = 7 * 86_400
    public static let session: TimeInterval = 24 * 3_600
    /// Idempotency: a repeated `Idempotency-Key` within 24 h returns the first result.
    public static let idempotency: TimeInterval = 24 * 3_600
    /// The interceptor's MCP idempotency window.
    public static let interceptorIdempotency: TimeInterval = 300
    /// A runtime session expires after 15 minutes without activity.
    public static let sessionIdle: TimeInterval = 15 * 60
    public static let lock: TimeInterval = 300
    public static let invite: TimeInterval = 7 * 86_400
    /// Expired invites stay readable (as `expired`) this long before TTL removes them.
    public static let expiredInviteKept: TimeInterval = 30 * 86_400
    /// After a webhook secret rotation the previous secret still signs deliveries this long.
    public static let previousWebhookSecret: TimeInterval = 24 * 3_600
    /// A deleted tenant is purged this long after deletion.
    public static let deletedTenant: TimeInterval = 30 * 86_400

    public static func invocationTTL(now: Date) -> EpochSeconds { EpochSeconds(now.addingTimeInterval(invocation)) }
    public static func jobTTL(now: Date) -> EpochSeconds { EpochSeconds(now.addingTimeInterval(job)) }
    public static func sessionTTL(now: Date) -> EpochSeconds { EpochSeconds(now.addingTimeInterval(session)) }
}
