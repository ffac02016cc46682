import AWSCore

/// How a failed runtime call is handled (SYSTEM.md section 6).
package enum RuntimeFailure: Sendable, Equatable {
    /// `ThrottlingException`: 429 with `Retry-After`, never retried here.
    case throttled
    /// `ServiceUnavailableException` or a connect/read timeout: fail over and retry once.
    case unavailable
    /// A read timeout: also fails over, but is 504 when the retry times out too.
    case timedOut
    /// Anything else the runtime or the agent answered: 502.
    case failed

    package init(_ error: any Error) {
        switch error {
        case let error as AWSError:
            switch error.code {
            case "ThrottlingException", "TooManyRequestsException": self = .throttled
            case "ServiceUnavailableException": self = .unavailable
            default: self = error.status == 503 ? .unavailable : .failed
            }
        case let error as TransportError:
            switch error {
            case .connectionRefused, .dnsFailure: self = .unavailable
            case .timedOut(_, let connected, _): self = connected ? .timedOut : .unavailable
            default: self = .failed
            }
        default:
            self = .failed
        }
    }

    /// The runtime reported that it could not serve: the failover trigger.
    package var triggersFailover: Bool { self == .unavailable || self == .timedOut }
}
