import FoundationEssentials

/// Turns a non-2xx response into an `AWSError` (or an `AWSResponseError` when
/// the body is not a recognisable error document).
///
/// JSON protocols put the code in `__type` (possibly `namespace#Code`), `code`,
/// or the `x-amzn-ErrorType` header (possibly `Code:uri`); query and REST-XML
/// protocols use `<ErrorResponse><Error><Code>` or `<Error><Code>`.
enum AWSErrorParser {
    static func error(from response: HTTPResponse, service: String, operation: String) -> any Error {
        let headerRequestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        let headerCode = response.headers["x-amzn-ErrorType"].map(cleanCode)
        let body = response.body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }

        switch body.first {
        case UInt8(ascii: "{"):
            if let document = try? JSONDecoder().decode(JSONErrorDocument.self, from: Data(body)),
               let code = document.code.map(cleanCode) ?? headerCode {
                return AWSError(service: service, code: code, message: document.message ?? "",
                                status: response.status, requestID: headerRequestID)
            }
        case UInt8(ascii: "<"):
            if let root = try? XMLReader.parse(Data(body)), let error = root.first(named: "Error"),
               let code = error.text("Code") {
                return AWSError(service: service, code: code, message: error.text("Message") ?? "",
                                status: response.status,
                                requestID: headerRequestID ?? root.first(named: "RequestId")?.text)
            }
        case nil:
            if let headerCode {
                return AWSError(service: service, code: headerCode, message: "", status: response.status,
                                requestID: headerRequestID)
            }
            return AWSResponseError(service: service, operation: operation, status: response.status,
                                    reason: "error response with an empty body")
        default:
            break
        }
        let type = response.headers["Content-Type"] ?? "none"
        return AWSResponseError(service: service, operation: operation, status: response.status,
                                reason: "error body is not a JSON or XML error document (content type \(type))")
    }

    /// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` and
    /// `ValidationException:http://internal.amazon.com/...` both mean the short code.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        return String(code)
    }

    private struct JSONErrorDocument: Decodable {
        var code: String?
        var message: String?

        private enum Keys: String, CodingKey {
            case type = "__type", code, codeUpper = "Code", message, messageUpper = "Message", errorMessage
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            func string(_ key: Keys) -> String? { (try? container.decodeIfPresent(String.self, forKey: key)) ?? nil }
            code = string(.type) ?? string(.code) ?? string(.codeUpper)
            message = string(.message) ?? string(.messageUpper) ?? string(.errorMessage)
        }
    }
}
