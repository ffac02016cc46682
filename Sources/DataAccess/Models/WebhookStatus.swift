/// Whether a webhook receives deliveries (disabled webhooks are kept, not deleted).
public enum WebhookStatus: String, StrictStringEnum, Hashable {
    case active
    case disabled
}
