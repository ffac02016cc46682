import AWSCore
import Foundation
@testable import LocalAgentCore
import Synchronization
import Testing

/// The local runtime in front of an agent that misbehaves at the HTTP level.
@Suite struct FaultyAgentIntegrationTests {
    static let server: LocalAgentCoreServer = {
        try! LocalAgentCore.start(LocalAgentCoreConfiguration(
            agentsDirectory: LocalRuntime.repository.appendingPathComponent("Tests/Fixtures/agents"),
            python: LocalRuntime.repository.appendingPathComponent(".venv/bin/python"),
            knownSecrets: [LocalRuntime.accessKey: LocalRuntime.secret]))
    }()

    func client() -> AgentCoreClient {
        let endpoint = AWSEndpoint(scheme: "http", authority: String(Self.server.url.dropFirst("http://".count)), isOverride: true)
        return AgentCoreClient(client: AWSClient(
            service: .bedrockAgentCore, region: "eu-west-1", endpoint: endpoint,
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: LocalRuntime.accessKey,
                                                                 secretAccessKey: LocalRuntime.secret)),
            transport: LocalRuntime.transport, retry: RetryPolicy(maxAttempts: 1)))
    }

    @Test func garbageIsPassedThroughUntouched() async throws {
        let response = try await client().invoke(.init(
            runtimeARN: LocalRuntime.arn("faulty_agent-local"), sessionID: LocalRuntime.session(),
            payload: Data(#"{"prompt":"garbage"}"#.utf8)))
        #expect(response.contentType == "text/html")
        #expect(String(decoding: response.body, as: UTF8.self) == "<html>not json</html>")
    }

    @Test func aStreamTheAgentCutsIsCutForTheClientToo() async throws {
        let received = Mutex(Data())
        await #expect(throws: TransportError.self) {
            _ = try await client().invokeStreaming(.init(
                runtimeARN: LocalRuntime.arn("faulty_agent-local"), sessionID: LocalRuntime.session(),
                payload: Data(#"{"prompt":"cut"}"#.utf8))) { chunk in received.withLock { $0.append(chunk) } }
        }
        #expect(String(decoding: received.withLock { $0 }, as: UTF8.self).contains("partial"))
    }
}
