import AWSCore
import FoundationEssentials

/// `AgentRuntime` on the AgentCore data plane client, one region per call.
package struct AgentCoreRuntime: AgentRuntime {
    private let base: AWSClient
    private let environment: [String: String]

    /// `base` is a `bedrockAgentCore` client; its region and credentials are replaced per call.
    package init(base: AWSClient, environment: [String: String]) {
        self.base = base
        self.environment = environment
    }

    package func invoke(_ call: RuntimeCall) async throws -> RuntimeAnswer {
        let response = try await client(for: call).invoke(invocation(call))
        return RuntimeAnswer(contentType: response.contentType, body: response.body)
    }

    package func stream(_ call: RuntimeCall,
                        onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> RuntimeAnswer {
        let response = try await client(for: call).invokeStreaming(invocation(call), onChunk: onChunk)
        return RuntimeAnswer(contentType: response.contentType, body: Data())
    }

    private func client(for call: RuntimeCall) throws -> AgentCoreClient {
        AgentCoreClient(client: try base.inRegion(call.region, environment: environment).with(credentials: call.credentials))
    }

    private func invocation(_ call: RuntimeCall) throws -> AgentCoreClient.Invocation {
        AgentCoreClient.Invocation(runtimeARN: try RuntimeARN.rewriting(call.runtimeARN, toRegion: call.region),
                                   sessionID: call.sessionID, payload: call.payload)
    }
}
