import FoundationEssentials

/// The awsJson1.0 / awsJson1.1 protocols: `POST /` with `X-Amz-Target`.
extension AWSClient {
    func json<Output: Decodable>(
        target: String, operation: String, input: some Encodable, version: String = "1.0",
        as output: Output.Type = Output.self
    ) async throws -> Output {
        var request = endpoint.request(method: "POST", path: "/")
        request.headers.set("Content-Type", "application/x-amz-json-\(version)")
        request.headers.set("X-Amz-Target", "\(target).\(operation)")
        request.body = try AWSJSON.encode(input)
        let response = try await send(request, operation: operation)
        return try AWSJSON.decode(output, from: response, service: service.id, operation: operation)
    }
}

/// A response without fields the platform reads.
struct AWSEmptyOutput: Codable, Sendable {}
