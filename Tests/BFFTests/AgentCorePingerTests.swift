import AWSCore
import FoundationEssentials
import Testing
@testable import BFF

@Suite struct AgentCorePingerTests {
    static let arn = "arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/echo"
    static let sessionID = String(repeating: "s", count: 40)

    func pinger(_ endpoint: ScriptedTransport) -> AgentCorePinger {
        AgentCorePinger { region in
            AgentCoreClient(client: AWSClient(
                service: .bedrockAgentCore, region: region,
                endpoint: AWSEndpoint(scheme: "https", authority: "bedrock-agentcore.\(region).amazonaws.com"),
                credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret")),
                transport: endpoint, retry: RetryPolicy(maxAttempts: 1, sleep: { _ in })))
        }
    }

    @Test func sendsThePingPayloadWithTheSessionHeaderToTheRegion() async throws {
        let endpoint = ScriptedTransport(ScriptedTransport.json(200, #"{"status":"pong"}"#))
        try await pinger(endpoint).ping(runtimeARN: Self.arn, region: "eu-central-1", sessionID: Self.sessionID)
        let sent = try #require(endpoint.sent.first)
        #expect(sent.authority == "bedrock-agentcore.eu-central-1.amazonaws.com")
        #expect(sent.path.hasPrefix("/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aeu-central-1"))
        #expect(sent.headers["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"] == Self.sessionID)
        #expect(sent.body == Data(#"{"action":"ping"}"#.utf8))
        #expect(sent.headers["Authorization"]?.contains("/eu-central-1/bedrock-agentcore/aws4_request") == true)
    }

    @Test func failuresAreClassified() async {
        let throttled = ScriptedTransport(ScriptedTransport.json(429, #"{"message":"slow"}"#, headers: [("x-amzn-ErrorType", "ThrottlingException")]))
        await #expect(throws: RuntimePingError.throttled(retryAfterSeconds: nil)) {
            try await pinger(throttled).ping(runtimeARN: Self.arn, region: "eu-central-1", sessionID: Self.sessionID)
        }
        let refused = ScriptedTransport(ScriptedTransport.json(400, #"{"message":"bad"}"#, headers: [("x-amzn-ErrorType", "ValidationException")]))
        await #expect(throws: RuntimePingError.failed(code: "ValidationException")) {
            try await pinger(refused).ping(runtimeARN: Self.arn, region: "eu-central-1", sessionID: Self.sessionID)
        }
    }

    @Test func classifiesUnavailability() {
        #expect(AgentCorePinger.classify(AWSError(service: "x", code: "ServiceUnavailableException", message: "", status: 503)) == .unavailable)
        #expect(AgentCorePinger.classify(TransportError.connectionRefused(host: "h")) == .unavailable)
        #expect(AgentCorePinger.classify(AWSError(service: "x", code: "AccessDeniedException", message: "", status: 403))
            == .failed(code: "AccessDeniedException"))
    }
}
