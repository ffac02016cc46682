import FoundationEssentials

/// A tenant's webhook (`TENANT#{id}` / `WEBHOOK#{id}`). `secret` signs
/// deliveries; it is stored and must never be returned by an API.
public struct Webhook: TableRecord, Equatable {
    public var webhookID: WebhookID
    public var tenantID: TenantID
    public var callbackURL: CallbackURL
    /// Non-empty, without duplicates, in declaration order.
    public var events: [WebhookEvent]
    public var status: WebhookStatus
    public var secret: String
    public var description: String?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case webhookID = "webhookId", tenantID = "tenantId", callbackURL = "callbackUrl", events, status, secret
        case description, createdAt, updatedAt
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

    /// Whether an active webhook wants `event`.
    public func receives(_ event: WebhookEvent) -> Bool { status == .active && events.contains(event) }
}
