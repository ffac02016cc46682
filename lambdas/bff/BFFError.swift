/// A failure the BFF answers with the platform's error envelope.
///
/// Messages are written for the caller and the operator: they never carry a
/// token, a secret, a claim value or a request payload.
struct BFFError: Error, Equatable, Sendable {
    /// One problem with a request field, reported in `details[]`.
    struct Detail: Equatable, Sendable, Codable {
        var field: String
        var message: String
    }

    enum Code: String, Sendable {
        case invalidRequest = "INVALID_REQUEST"
        case unauthenticated = "UNAUTHENTICATED"
        case forbidden = "FORBIDDEN"
        case notFound = "NOT_FOUND"
        case throttled = "THROTTLED"
        case internalError = "INTERNAL_ERROR"
        case runtimeInvocationFailed = "RUNTIME_INVOCATION_FAILED"
        case serviceUnavailable = "SERVICE_UNAVAILABLE"

        var status: Int {
            switch self {
            case .invalidRequest: 400
            case .unauthenticated: 401
            case .forbidden: 403
            case .notFound: 404
            case .throttled: 429
            case .internalError: 500
            case .runtimeInvocationFailed: 502
            case .serviceUnavailable: 503
            }
        }
    }

    var code: Code
    var message: String
    var details: [Detail] = []
    /// Seconds, sent as `Retry-After` with `THROTTLED`.
    var retryAfterSeconds: Int?
    /// What went wrong underneath, for the log only (never sent to the caller).
    var cause: String?

    var status: Int { code.status }

    static func invalidRequest(_ message: String, details: [Detail] = []) -> BFFError {
        BFFError(code: .invalidRequest, message: message, details: details)
    }

    static func throttled(_ message: String, retryAfterSeconds: Int) -> BFFError {
        BFFError(code: .throttled, message: message, retryAfterSeconds: max(1, retryAfterSeconds))
    }

    static let notFoundSession = BFFError(code: .notFound, message: "session not found")
    static func internalError(cause: any Error) -> BFFError {
        BFFError(code: .internalError, message: "internal error", cause: String(String(describing: cause).prefix(300)))
    }
}
