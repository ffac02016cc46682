import AWSCore
import Foundation
@testable import LocalAgentCore

/// A local AgentCore data plane with the real echo agent, shared by the
/// tests of this target (agent processes start once per runtime).
enum LocalRuntime {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let accessKey = "AKIALOCALTEST0000001"
    static let secret = "local-test-secret"

    static let server: LocalAgentCoreServer = {
        let configuration = LocalAgentCoreConfiguration(
            agentsDirectory: repository.appendingPathComponent("agents"),
            python: repository.appendingPathComponent(".venv/bin/python"),
            knownSecrets: [accessKey: secret],
            agentLogDirectory: repository.appendingPathComponent(".local"))
        return try! LocalAgentCore.start(configuration)
    }()

    static let transport = CurlTransport()

    /// An AgentCore client for `region` against the local data plane.
    static func client(region: String = "eu-west-1", secret: String = secret) -> AgentCoreClient {
        let endpoint = AWSEndpoint(scheme: "http", authority: String(server.url.dropFirst("http://".count)), isOverride: true)
        return AgentCoreClient(client: AWSClient(
            service: .bedrockAgentCore, region: region, endpoint: endpoint,
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret)),
            transport: transport, retry: RetryPolicy(maxAttempts: 1)))
    }

    static func arn(_ runtime: String = "echo_agent-local", region: String = "eu-west-1") -> String {
        "arn:aws:bedrock-agentcore:\(region):123456789012:runtime/\(runtime)"
    }

    static func session() -> String { UUID().uuidString.lowercased() + "-it-session" }
}
