import AgentInvocation
import DataAccess
import PlatformAPI

/// Maps a failed runtime call to the client's error and the INVOCATION status.
enum RuntimeErrorMapping {
    static let retryAfterSeconds = 2

    static func apiError(for error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if error is AgentAnswer.Unusable || error is StreamRelay.Incomplete {
            return APIError(.runtimeInvocationFailed, "The agent returned an unusable answer.")
        }
        if error is TenantRoleError || error is RuntimeARN.Invalid { return .internalError }
        switch RuntimeFailure(error) {
        case .throttled:
            return APIError(.throttled, "The agent runtime is throttling requests; retry later.",
                            retryAfter: retryAfterSeconds)
        case .unavailable: return APIError(.serviceUnavailable, "Agent runtime unavailable.", retryAfter: retryAfterSeconds)
        case .timedOut: return APIError(.timeout, "The agent did not answer in time.")
        case .failed: return APIError(.runtimeInvocationFailed, "The agent runtime returned an error.")
        }
    }

    static func invocationStatus(for error: APIError) -> InvocationStatus {
        switch error.code {
        case .throttled: .throttled
        case .timeout: .timeout
        default: .error
        }
    }
}
