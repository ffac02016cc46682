import FoundationEssentials

/// The AgentCore Runtime data plane (restJson, SigV4 service `bedrock-agentcore`):
/// InvokeAgentRuntime, buffered or streamed.
public struct AgentCoreClient: Sendable {
    public let client: AWSClient
    static let sessionHeader = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"

    public init(client: AWSClient) { self.client = client }

    public struct Invocation: Sendable, Equatable {
        public var runtimeARN: String
        /// 33 to 256 characters; the same id reaches the same microVM session.
        public var sessionID: String
        public var payload: Data
        public var qualifier: String
        public var accept: String

        public init(runtimeARN: String, sessionID: String, payload: Data, qualifier: String = "DEFAULT",
                    accept: String = "application/json, text/event-stream") {
            self.runtimeARN = runtimeARN
            self.sessionID = sessionID
            self.payload = payload
            self.qualifier = qualifier
            self.accept = accept
        }
    }

    public struct Response: Sendable, Equatable {
        public var status: Int
        public var contentType: String?
        public var sessionID: String?
        /// Empty when streamed.
        public var body: Data
    }

    /// Waits for the whole answer.
    public func invoke(_ invocation: Invocation) async throws -> Response {
        let response = try await client.send(request(for: invocation), operation: "InvokeAgentRuntime")
        return Self.response(response)
    }

    /// Hands each body chunk to `onChunk` as the agent produces it (feed them to a
    /// `ServerSentEventParser` for `text/event-stream`); returns the head.
    public func invokeStreaming(_ invocation: Invocation,
                                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> Response {
        let head = try await client.stream(request(for: invocation), operation: "InvokeAgentRuntime", onChunk: onChunk)
        return Self.response(head)
    }

    /// `POST /runtimes/{url-encoded ARN}/invocations?qualifier=...`.
    func request(for invocation: Invocation) -> HTTPRequest {
        var request = client.restRequest(
            method: "POST", path: "/runtimes/\(AWSClient.pathLabel(invocation.runtimeARN))/invocations",
            query: [("qualifier", invocation.qualifier)],
            headers: [("Content-Type", "application/json"), ("Accept", invocation.accept),
                      (Self.sessionHeader, invocation.sessionID)])
        request.body = invocation.payload
        return request
    }

    private static func response(_ response: HTTPResponse) -> Response {
        Response(status: response.status, contentType: response.headers["Content-Type"],
                 sessionID: response.headers[sessionHeader], body: response.body)
    }
}
