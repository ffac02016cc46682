import AWSCore
import DataAccess

/// A webhook as the API shows it: never the secret. A freshly created one also
/// says how deliveries are signed (`signing`).
struct WebhookBody: Encodable, Sendable, Equatable {
    struct Signing: Encodable, Sendable, Equatable {
        var algorithm = "HMAC-SHA256"
        var signatureHeader = "X-Platform-Signature"
        var signatureFormat = "t={unix seconds},v1={hex HMAC-SHA256(secret, \"{t}.{raw body}\")}"
        var eventIdHeader = "X-Platform-Event-Id"
        var toleranceSeconds = 300
        var secretDelivery = "The signing secret is never returned by the API; obtain it out of band from your platform operator contact."
    }

    var webhookId: String
    var tenantId: String
    var callbackUrl: String
    var events: [String]
    var status: String
    var description: String?
    var createdAt: String
    var updatedAt: String
    var signing: Signing?

    init(_ webhook: Webhook, includeSigning: Bool = false) {
        webhookId = webhook.webhookID.rawValue
        tenantId = webhook.tenantID.rawValue
        callbackUrl = webhook.callbackURL.rawValue
        events = webhook.events.map(\.rawValue)
        status = webhook.status.rawValue
        description = webhook.description
        createdAt = DynamoDBItemTimestamp.string(from: webhook.createdAt)
        updatedAt = DynamoDBItemTimestamp.string(from: webhook.updatedAt)
        signing = includeSigning ? Signing() : nil
    }
}
