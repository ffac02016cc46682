/// The outcome recorded for one sync or streaming invocation.
public enum InvocationStatus: String, StrictStringEnum, Hashable {
    case success
    case error
    case timeout
    case throttled
}
