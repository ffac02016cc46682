/// The events a webhook can subscribe to.
public enum WebhookEvent: String, StrictStringEnum, Hashable {
    case jobCompleted = "job.completed"
    case jobFailed = "job.failed"
}
