/// An error answered to an API client, in the platform's envelope
/// `{"error":{"code","message","requestId","details"?}}` (docs/openapi.yaml).
///
/// Messages are written for the client and never carry a token, secret,
/// claim value or request payload.
public struct APIError: Error, Sendable, Equatable {
    public enum Code: String, Sendable, Codable {
        case invalidRequest = "INVALID_REQUEST"
        case unauthenticated = "UNAUTHENTICATED"
        case forbidden = "FORBIDDEN"
        case notFound = "NOT_FOUND"
        case conflict = "CONFLICT"
        case lockNotHeld = "LOCK_NOT_HELD"
        case lockExpired = "LOCK_EXPIRED"
        case lockMismatch = "LOCK_MISMATCH"
        case unprocessableEntity = "UNPROCESSABLE_ENTITY"
        case throttled = "THROTTLED"
        case internalError = "INTERNAL_ERROR"
        case runtimeInvocationFailed = "RUNTIME_INVOCATION_FAILED"
        case serviceUnavailable = "SERVICE_UNAVAILABLE"
        case timeout = "TIMEOUT"

        public var status: Int {
            switch self {
            case .invalidRequest: 400
            case .unauthenticated: 401
            case .forbidden: 403
            case .notFound: 404
            case .conflict, .lockNotHeld, .lockExpired, .lockMismatch: 409
            case .unprocessableEntity: 422
            case .throttled: 429
            case .internalError: 500
            case .runtimeInvocationFailed: 502
            case .serviceUnavailable: 503
            case .timeout: 504
            }
        }
    }

    /// One problem with one field of a request, for validation errors.
    public struct Detail: Sendable, Equatable, Codable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var code: Code
    public var message: String
    public var details: [Detail]
    /// Seconds, sent as `Retry-After` with `THROTTLED` and `SERVICE_UNAVAILABLE`.
    public var retryAfter: Int?

    public init(_ code: Code, _ message: String, details: [Detail] = [], retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
    }

    public var status: Int { code.status }

    public static func invalid(_ details: [Detail]) -> APIError {
        APIError(.invalidRequest, "The request is not valid; see details.", details: details)
    }

    public static func notFound(_ what: String) -> APIError {
        APIError(.notFound, "\(what) was not found.")
    }

    public static let forbidden = APIError(.forbidden, "The caller is not allowed to do this.")
    public static let internalError = APIError(.internalError, "An internal error occurred; it has been logged.")
}
