import FoundationEssentials
import LambdaEvents

/// Builds proxy-integration responses: JSON bodies and the platform's error envelope.
enum APIResponse {
    private struct Envelope: Encodable {
        struct Body: Encodable {
            var code: String
            var message: String
            var requestId: String
            var details: [BFFError.Detail]?
        }
        var error: Body
    }

    static func json(status: Int, _ body: some Encodable) -> APIGatewayProxyResponse {
        // Encoding these plain value types cannot fail; an empty object is the safe fallback.
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return APIGatewayProxyResponse(statusCode: status, headers: baseHeaders, body: String(decoding: data, as: UTF8.self))
    }

    static func error(_ error: BFFError, requestID: String) -> APIGatewayProxyResponse {
        let envelope = Envelope(error: .init(
            code: error.code.rawValue, message: error.message, requestId: requestID,
            details: error.details.isEmpty ? nil : error.details
        ))
        var response = json(status: error.status, envelope)
        if let seconds = error.retryAfterSeconds {
            response.headers?["Retry-After"] = String(seconds)
        }
        return response
    }

    /// Tokens and session state must never sit in a browser or proxy cache.
    private static let baseHeaders = ["Content-Type": "application/json", "Cache-Control": "no-store"]

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
