/// The head of a streamed HTTP-integration response (API Gateway, function
/// URLs): JSON `{statusCode, headers, cookies}` then eight NUL bytes, then the body.
package enum HTTPIntegrationPrelude {
    package static let separator = [UInt8](repeating: 0, count: 8)

    package static func encode(statusCode: Int, headers: [String: String], cookies: [String]) -> [UInt8] {
        let fields = headers.sorted { $0.key < $1.key }
            .map { "\(JSONText.quoted($0.key)):\(JSONText.quoted($0.value))" }
            .joined(separator: ",")
        let cookieList = cookies.map(JSONText.quoted).joined(separator: ",")
        let json = "{\"statusCode\":\(statusCode),\"headers\":{\(fields)},\"cookies\":[\(cookieList)]}"
        return Array(json.utf8) + separator
    }
}
