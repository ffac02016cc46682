import Foundation
import Synchronization
import Testing
@testable import AWSCore

@Suite struct AgentCoreClientTests {
    static let arn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/echo_agent-AbC123"
    static let session = String(repeating: "s", count: 40)

    func client(_ server: LoopbackServer) -> AgentCoreClient {
        AgentCoreClient(client: AWSClient(
            service: .bedrockAgentCore, region: "eu-west-1", endpoint: AWSEndpoint(url: server.url, isOverride: true)!,
            credentials: StaticCredentialProvider(FakeTransport.credentials), transport: CurlTransport()))
    }

    @Test func streamsServerSentEventsFromALoopbackRuntime() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Amzn-Bedrock-AgentCore-Runtime-Session-Id: \(Self.session)\r\nTransfer-Encoding: chunked\r\n\r\n"
        func chunk(_ text: String) -> String { String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n" }
        let parts = [head + chunk("data: {\"a\":1}\n\nda"), chunk("ta: {\"b\":2}"), chunk("\n\n") + "0\r\n\r\n"]
        let server = try LoopbackServer { _ in .parts(parts, pause: .milliseconds(20)) }
        defer { server.stop() }
        let events = Mutex<[ServerSentEventParser.Event]>([])
        let parser = Mutex(ServerSentEventParser())
        let response = try await client(server).invokeStreaming(
            .init(runtimeARN: Self.arn, sessionID: Self.session, payload: Data(#"{"prompt":"hi"}"#.utf8))
        ) { chunk in
            let parsed = parser.withLock { $0.feed(chunk) }
            events.withLock { $0 += parsed }
        }
        #expect(response.status == 200)
        #expect(response.sessionID == Self.session)
        #expect(events.withLock { $0 }.map(\.data) == [#"{"a":1}"#, #"{"b":2}"#])

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aeu-west-1%3A123456789012%3Aruntime%2Fecho_agent-AbC123/invocations?qualifier=DEFAULT")
        #expect(request.header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id") == Self.session)
        #expect(request.header("Authorization")?.contains("/eu-west-1/bedrock-agentcore/aws4_request") == true)
        #expect(request.body == Data(#"{"prompt":"hi"}"#.utf8))
    }

    @Test func streamedErrorBodyBecomesAnAWSErrorAndIsNotRelayed() async throws {
        let body = #"{"message":"Rate exceeded"}"#
        let server = try LoopbackServer { _ in
            .raw("HTTP/1.1 400 Bad Request\r\nX-Amzn-ErrorType: ValidationException\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        }
        defer { server.stop() }
        let relayed = Mutex(0)
        let error = await #expect(throws: AWSError.self) {
            try await client(server).invokeStreaming(.init(runtimeARN: Self.arn, sessionID: Self.session, payload: Data())) { _ in
                relayed.withLock { $0 += 1 }
            }
        }
        #expect(error?.code == "ValidationException")
        #expect(error?.message == "Rate exceeded")
        #expect(relayed.withLock { $0 } == 0)
    }

    @Test func bufferedInvokeReturnsTheBody() async throws {
        let server = try LoopbackServer { _ in
            .raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}")
        }
        defer { server.stop() }
        let response = try await client(server).invoke(.init(runtimeARN: Self.arn, sessionID: Self.session,
                                                              payload: Data("{}".utf8), qualifier: "prod"))
        #expect(response.body == Data(#"{"ok":true}"#.utf8))
        #expect(response.contentType == "application/json")
        #expect(server.requests.first?.target.hasSuffix("/invocations?qualifier=prod") == true)
    }

    @Test func controlPlaneGetRuntimeRequest() async throws {
        let transport = FakeTransport(status: 200, body: #"{"agentRuntimeArn":"arn:x","agentRuntimeId":"a1-b2","agentRuntimeVersion":"3","status":"READY","agentRuntimeName":"echo","createdAt":1700000000.5}"#)
        let control = AgentCoreControlClient(client: transport.client(.bedrockAgentCoreControl))
        let runtime = try await control.getAgentRuntime(id: "a1-b2")
        #expect(runtime.status == "READY")
        #expect(runtime.agentRuntimeVersion == "3")
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url == "https://bedrock-agentcore-control.eu-west-2.amazonaws.com/runtimes/a1-b2/")
        #expect(request.headers["Authorization"]?.contains("/eu-west-2/bedrock-agentcore/aws4_request") == true)
    }
}

extension AgentCoreClientTests {
    @Test func controlPlaneRuntimeDetailsCarryTheCodeLocation() async throws {
        let transport = FakeTransport(status: 200, body: #"{"agentRuntimeArn":"arn:x","agentRuntimeId":"a1-b2","agentRuntimeVersion":"4","status":"READY","agentRuntimeArtifact":{"codeConfiguration":{"code":{"s3":{"bucket":"code-bucket","prefix":"agents/local/a/1.0.0/code.zip"}},"runtime":"PYTHON_3_12","entryPoint":["main.py"]}},"environmentVariables":{"K":"v"}}"#)
        let control = AgentCoreControlClient(client: transport.client(.bedrockAgentCoreControl))
        let details = try await control.agentRuntimeDetails(id: "a1-b2", signedEmptyBody: true)
        let code = try #require(details.agentRuntimeArtifact?.codeConfiguration)
        #expect(code.s3 == .init(bucket: "code-bucket", prefix: "agents/local/a/1.0.0/code.zip", versionId: nil))
        #expect(code.entryPoint == ["main.py"])
        #expect(details.environmentVariables == ["K": "v"])
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.body == Data("{}".utf8))
        _ = try await control.agentRuntimeDetails(id: "a1-b2")
        #expect(transport.requests.last?.body.isEmpty == true)
    }
}

@Suite struct ServerSentEventParserTests {
    @Test func splitsEventsAcrossArbitraryChunks() {
        var parser = ServerSentEventParser()
        let stream = ": comment\r\nevent: delta\r\ndata: one\r\ndata: two\r\n\r\ndata:three\n\nid: 7\nretry: 5\n\n"
        var events: [ServerSentEventParser.Event] = []
        for byte in stream.utf8 { events += parser.feed(Data([byte])) }
        #expect(events == [.init(name: "delta", data: "one\ntwo"), .init(name: nil, data: "three")])
    }

    @Test func waitsForTheBlankLine() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Data("data: partial".utf8)).isEmpty)
        #expect(parser.feed(Data("\n".utf8)).isEmpty)
        #expect(parser.feed(Data("\n".utf8)) == [.init(name: nil, data: "partial")])
    }
}
