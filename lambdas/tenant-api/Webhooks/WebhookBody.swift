import AWSCore
import DataAccess
import FoundationEssentials

/// A webhook as the API shows it. `signingSecret` is set only in the answer
/// that created the secret (registration, rotation); listings never carry it.
/// A registration or rotation also says how deliveries are signed (`signing`).
struct WebhookBody: Encodable, Sendable, Equatable {
    struct Signing: Encodable, Sendable, Equatable {
        var algorithm = "HMAC-SHA256"
        var signatureHeader = "X-Platform-Signature"
        var signatureFormat = "t={unix seconds},v1={hex HMAC-SHA256(secret, \"{t}.{raw body}\")}[,v1={same with the previous secret}]"
        var eventIdHeader = "X-Platform-Event-Id"
        var toleranceSeconds = 300
        var secretDelivery = "signingSecret is returned only in this response; store it now. "
            + "POST /v1/webhooks/{webhookId}/rotate-secret issues a new one; the previous one keeps signing for 24 hours."
    }

    var webhookId: String
    var tenantId: String
    var callbackUrl: String
    var events: [String]
    var status: String
    var description: String?
    var createdAt: String
    var updatedAt: String
    /// Until when deliveries also carry a signature with the secret before the last rotation.
    var previousSecretExpiresAt: String?
    var signingSecret: String?
    var signing: Signing?

    init(_ webhook: Webhook, now: Date, revealingSecret: Bool = false) {
        webhookId = webhook.webhookID.rawValue
        tenantId = webhook.tenantID.rawValue
        callbackUrl = webhook.callbackURL.rawValue
        events = webhook.events.map(\.rawValue)
        status = webhook.status.rawValue
        description = webhook.description
        createdAt = DynamoDBItemTimestamp.string(from: webhook.createdAt)
        updatedAt = DynamoDBItemTimestamp.string(from: webhook.updatedAt)
        if webhook.signingSecrets(at: now).count > 1, let until = webhook.previousSecretExpiresAt {
            previousSecretExpiresAt = DynamoDBItemTimestamp.string(from: until)
        }
        signingSecret = revealingSecret ? webhook.secret : nil
        signing = revealingSecret ? Signing() : nil
    }
}
