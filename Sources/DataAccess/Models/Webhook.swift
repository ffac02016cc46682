import FoundationEssentials

/// A tenant's webhook (`TENANT#{id}` / `WEBHOOK#{id}`). `secret` signs
/// deliveries; an API returns it only once, in the answer that created it
/// (registration or rotation), never in a listing or a log.
public struct Webhook: TableRecord, Equatable {
    public var webhookID: WebhookID
    public var tenantID: TenantID
    public var callbackURL: CallbackURL
    /// Non-empty, without duplicates, in declaration order.
    public var events: [WebhookEvent]
    public var status: WebhookStatus
    public var secret: String
    /// The secret before the last rotation, still signing until `previousSecretExpiresAt`.
    public var previousSecret: String?
    public var previousSecretExpiresAt: Date?
    public var description: String?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case webhookID = "webhookId", tenantID = "tenantId", callbackURL = "callbackUrl", events, status, secret
        case previousSecret, previousSecretExpiresAt, description, createdAt, updatedAt
    }

    public init(_ request: WebhookRegistration.Validated, webhookID: WebhookID, tenantID: TenantID, secret: String, now: Date) {
        self.webhookID = webhookID
        self.tenantID = tenantID
        callbackURL = request.callbackURL
        events = request.events
        status = .active
        self.secret = secret
        description = request.description
        createdAt = now
        updatedAt = now
    }

    public var key: TableKey { .webhook(tenantID, webhookID) }

    /// The secrets a delivery at `now` is signed with: the current one, then
    /// the previous one while its grace period after a rotation lasts.
    public func signingSecrets(at now: Date) -> [String] {
        guard let previousSecret, let until = previousSecretExpiresAt, now < until else { return [secret] }
        return [secret, previousSecret]
    }

    /// This webhook with `newSecret`; the current secret keeps signing for
    /// ``Retention/previousWebhookSecret`` (a rotation during that window
    /// drops the older one: at most two secrets sign at a time).
    public func rotatingSecret(to newSecret: String, now: Date) -> Webhook {
        var rotated = self
        rotated.previousSecret = secret
        rotated.previousSecretExpiresAt = now.addingTimeInterval(Retention.previousWebhookSecret)
        rotated.secret = newSecret
        rotated.updatedAt = now
        return rotated
    }

    /// Whether an active webhook wants `event`.
    public func receives(_ event: WebhookEvent) -> Bool { status == .active && events.contains(event) }
}
