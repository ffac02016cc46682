import PlatformAPI

/// A BFF failure: the `APIError` the caller gets, plus what went wrong
/// underneath for the log only (never sent, never a token or secret).
struct BFFError: Error, Equatable, Sendable {
    var api: APIError
    var cause: String?

    init(code: APIError.Code, message: String, details: [APIError.Detail] = [], retryAfterSeconds: Int? = nil,
         cause: String? = nil) {
        api = APIError(code, message, details: details, retryAfter: retryAfterSeconds)
        self.cause = cause
    }

    init(_ api: APIError, cause: String? = nil) {
        self.api = api
        self.cause = cause
    }

    var code: APIError.Code { api.code }
    var message: String { api.message }
    var details: [APIError.Detail] { api.details }
    var retryAfterSeconds: Int? { api.retryAfter }
    var status: Int { api.status }

    static func invalidRequest(_ message: String, details: [APIError.Detail] = []) -> BFFError {
        BFFError(code: .invalidRequest, message: message, details: details)
    }

    static func throttled(_ message: String, retryAfterSeconds: Int) -> BFFError {
        BFFError(code: .throttled, message: message, retryAfterSeconds: max(1, retryAfterSeconds))
    }

    static let notFoundSession = BFFError(code: .notFound, message: "session not found")

    static func internalError(cause: any Error) -> BFFError {
        BFFError(.internalError, cause: String(String(describing: cause).prefix(300)))
    }
}
