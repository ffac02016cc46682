import DataAccess
import FoundationEssentials

/// What webhook-delivery talks to, injected by `main.swift` or a test.
struct WebhookDeliveryDependencies: Sendable {
    var store: @Sendable (TenantID) -> any WebhookStore
    var sender: any WebhookSender
    var resolver: any CallbackResolver
    var deadLetters: any DeadLetters
    var metric: @Sendable (_ name: String, _ tenantID: String) -> Void
    var log: @Sendable (String) -> Void
    var now: @Sendable () -> Date
    var sleep: @Sendable (Duration) async throws -> Void
    var random: @Sendable () -> Double
    /// Retries after about 2, 4 and 8 s (this times 1, 2, 4), jittered.
    var retryBase: Duration = .seconds(2)
    var retries = 3
    /// The loopback receivers a local stack may call; none anywhere else.
    var localReceivers = LocalWebhookReceivers.none
}
