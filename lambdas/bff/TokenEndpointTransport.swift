import AWSCore

/// Sends one HTTP request to the identity provider's token endpoint.
protocol TokenEndpointTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
