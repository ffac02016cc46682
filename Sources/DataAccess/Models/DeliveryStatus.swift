/// A job's webhook delivery state: `skipped` when no webhook was registered.
public enum DeliveryStatus: String, StrictStringEnum, Hashable {
    case delivered, retrying, failed, skipped
}
