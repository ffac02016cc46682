import FoundationEssentials
import LambdaEvents

/// Builders for proxy responses, so every route answers with the same headers and coding.
public enum APIResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let baseHeaders = [
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    ].merging(CrossOrigin.current) { $1 }

    /// Headers for a response built outside these builders (a stream's head, a replay):
    /// `headers` plus the ones every API response carries (CORS for the console).
    public static func standardHeaders(_ headers: [String: String]) -> [String: String] {
        headers.merging(CrossOrigin.current) { $1 }
    }

    /// A JSON body with `status`.
    public static func json<Body: Encodable>(
        _ status: Int, _ body: Body, headers: [String: String] = [:]
    ) throws -> APIGatewayProxyResponse {
        let data = try encoder.encode(body)
        return APIGatewayProxyResponse(
            statusCode: status,
            headers: baseHeaders.merging(headers) { $1 },
            body: String(decoding: data, as: UTF8.self)
        )
    }

    public static func noContent() -> APIGatewayProxyResponse {
        APIGatewayProxyResponse(statusCode: 204, headers: standardHeaders(["Cache-Control": "no-store"]), body: "")
    }

    /// The error envelope; `requestId` ties the answer to the logs.
    public static func error(_ error: APIError, requestID: String) -> APIGatewayProxyResponse {
        struct Envelope: Encodable {
            struct Body: Encodable {
                var code: APIError.Code
                var message: String
                var requestId: String
                var details: [APIError.Detail]?
            }
            var error: Body
        }
        let envelope = Envelope(error: .init(
            code: error.code, message: error.message, requestId: requestID,
            details: error.details.isEmpty ? nil : error.details
        ))
        var headers = baseHeaders
        if let retryAfter = error.retryAfter { headers["Retry-After"] = String(retryAfter) }
        // Encoding plain strings cannot fail; the fallback keeps the envelope shape regardless.
        let body = (try? encoder.encode(envelope)).map { String(decoding: $0, as: UTF8.self) }
            ?? #"{"error":{"code":"INTERNAL_ERROR","message":"An internal error occurred.","requestId":""}}"#
        return APIGatewayProxyResponse(statusCode: error.status, headers: headers, body: body)
    }
}
