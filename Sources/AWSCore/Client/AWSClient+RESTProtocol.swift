import FoundationEssentials

/// The restJson and restXml protocols: operation in the method and path,
/// parameters in path labels, query and headers.
extension AWSClient {
    /// A request to `path` (percent-encoded already, starting with `/`) with encoded query parameters.
    func restRequest(method: String, path: String, query: [(String, String)] = [],
                     headers: [(String, String)] = [], body: Data = Data()) -> HTTPRequest {
        var request = endpoint.request(method: method, path: path, query: Self.formEncoded(query),
                                       headers: HTTPHeaders(headers))
        request.body = body
        return request
    }

    /// Sends a restJson request with a JSON body (or none) and decodes the JSON answer.
    func restJSON<Output: Decodable>(
        method: String, path: String, query: [(String, String)] = [], input: (some Encodable)?,
        operation: String, as output: Output.Type = Output.self
    ) async throws -> Output {
        var request = restRequest(method: method, path: path, query: query)
        if let input {
            request.headers.set("Content-Type", "application/json")
            request.body = try AWSJSON.encode(input)
        }
        let response = try await send(request, operation: operation)
        return try AWSJSON.decode(output, from: response, service: service.id, operation: operation)
    }

    /// One path label, percent-encoded (a `/` inside it becomes `%2F`).
    static func pathLabel(_ value: String) -> String { SigV4URIEncoding.encoded(value) }
}
