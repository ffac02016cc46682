/// Why an on-behalf-of exchange failed, in terms safe to log: an HTTP status
/// and Entra's `error` code, never a token or `error_description`.
enum TokenExchangeError: Error, Equatable, Sendable {
    /// Entra answered with an error status.
    case rejected(status: Int, entraError: String?, retryAfterSeconds: Int?)
    /// No usable answer: transport failure, unreadable body, missing client secret.
    case unavailable(reason: String)

    /// Used when Entra throttles without saying how long to wait.
    static let defaultRetryAfterSeconds = 5

    /// The API answer: Entra 400/401/403/429 keep their status, anything else is 503.
    var apiError: BFFError {
        switch self {
        case .rejected(let status, let entraError, let retryAfter):
            let reason = entraError.map { " (\($0))" } ?? ""
            switch status {
            case 400: return BFFError(code: .invalidRequest, message: "the identity provider refused the exchange\(reason)")
            case 401: return BFFError(code: .unauthenticated, message: "the identity provider refused the credentials\(reason)")
            case 403: return BFFError(code: .forbidden, message: "the identity provider denied the exchange\(reason)")
            case 429:
                return .throttled("the identity provider is throttling token requests",
                                  retryAfterSeconds: retryAfter ?? Self.defaultRetryAfterSeconds)
            default: return Self.serviceUnavailable
            }
        case .unavailable:
            return Self.serviceUnavailable
        }
    }

    private static let serviceUnavailable = BFFError(code: .serviceUnavailable, message: "the token service is unavailable")

    /// A log line's worth: status and Entra error code, or the unavailability reason.
    var logSummary: String {
        switch self {
        case .rejected(let status, let entraError, _): "identity provider status \(status) \(entraError ?? "-")"
        case .unavailable(let reason): reason
        }
    }
}
