/// Why a runtime session ping failed.
enum RuntimePingError: Error, Equatable, Sendable {
    case throttled(retryAfterSeconds: Int?)
    /// The runtime could not be reached or said it is unavailable.
    case unavailable
    /// The runtime answered with another error.
    case failed(code: String)

    var apiError: BFFError {
        switch self {
        case .throttled(let seconds):
            .throttled("the agent runtime is throttling requests", retryAfterSeconds: seconds ?? 2)
        case .unavailable:
            BFFError(code: .serviceUnavailable, message: "the agent runtime is unavailable")
        case .failed:
            BFFError(code: .runtimeInvocationFailed, message: "the agent runtime refused the ping")
        }
    }
}
