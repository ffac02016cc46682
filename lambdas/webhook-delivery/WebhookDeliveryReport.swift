/// What one invocation did, per record.
struct WebhookDeliveryReport: Encodable, Sendable {
    var outcomes: [String]
}
