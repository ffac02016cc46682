/// An idempotency record is claimed (`in_progress`) before the work and
/// `completed` with the response after it.
public enum IdempotencyStatus: String, StrictStringEnum, Hashable {
    case inProgress = "in_progress"
    case completed
}
