import HTTPServer
import HTTPWire

/// An error the way AWS restJson services answer: status, `x-amzn-ErrorType`
/// and `{"message"}` (AWSCore's error parser reads the type from the header).
enum AWSErrorResponse {
    static func send(status: Int, code: String, message: String, writer: HTTPResponseWriter) throws {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try writer.respond(status: status, json: "{\"message\":\"\(escaped)\"}",
                           headers: ["x-amzn-ErrorType": code])
    }
}
