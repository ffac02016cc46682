import FoundationEssentials

/// The responses API Gateway itself sends, with its own body shapes, before or
/// instead of the integration (REST API "gateway responses").
public struct GatewayResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: String

    public static func == (lhs: GatewayResponse, rhs: GatewayResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
    }

    private static func json(_ status: Int, _ key: String, _ message: String, extra: [(String, String)] = []) -> GatewayResponse {
        let escaped = message.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return GatewayResponse(
            status: status,
            headers: [("Content-Type", "application/json"), ("x-amzn-ErrorType", errorType(status))] + extra,
            body: "{\"\(key)\":\"\(escaped)\"}"
        )
    }

    private static func errorType(_ status: Int) -> String {
        switch status {
        case 401: "UnauthorizedException"
        case 403: "AccessDeniedException"
        case 429: "TooManyRequestsException"
        case 413: "RequestTooLargeException"
        case 504: "IntegrationTimeoutException"
        default: "InternalServerErrorException"
        }
    }

    /// Missing or rejected credentials (the authoriser raised `Unauthorized`).
    static let unauthorized = json(401, "message", "Unauthorized")
    /// The authoriser's policy denies this method.
    static let accessDenied = json(403, "Message", "User is not authorized to access this resource with an explicit deny")
    /// An unknown resource: API Gateway answers 403, not 404, so paths are not probeable.
    static let missingAuthenticationToken = json(403, "message", "Missing Authentication Token")
    /// No usage identifier (API key) for a route that requires one.
    static let forbidden = json(403, "message", "Forbidden")
    static let payloadTooLarge = json(413, "message", "Request Too Long")
    static let integrationTimeout = json(504, "message", "Endpoint request timed out")
    /// The integration failed or answered something that is not a proxy response.
    static let badGateway = json(502, "message", "Internal server error")
    static let authorizerFailure = json(500, "message", "Internal server error")

    static func throttled(retryAfter: Int) -> GatewayResponse {
        json(429, "message", "Too Many Requests", extra: [("Retry-After", String(retryAfter))])
    }

    static func quotaExceeded(retryAfter: Int) -> GatewayResponse {
        json(429, "message", "Limit Exceeded", extra: [("Retry-After", String(retryAfter))])
    }
}
