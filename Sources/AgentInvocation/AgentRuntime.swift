import AWSCore
import FoundationEssentials

/// InvokeAgentRuntime as the bridge and the async-runner use it: the I/O seam
/// in front of AgentCore Runtime, so handlers can be tested with a fake.
package protocol AgentRuntime: Sendable {
    /// Waits for the whole answer.
    func invoke(_ call: RuntimeCall) async throws -> RuntimeAnswer

    /// Hands each body chunk to `onChunk` as the agent produces it.
    func stream(_ call: RuntimeCall, onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> RuntimeAnswer
}

/// One InvokeAgentRuntime call.
package struct RuntimeCall: Sendable {
    /// The registered runtime ARN; its region is replaced by `region`.
    package var runtimeARN: String
    package var region: String
    package var sessionID: String
    package var payload: Data
    package var credentials: any CredentialProvider

    package init(runtimeARN: String, region: String, sessionID: String, payload: Data, credentials: any CredentialProvider) {
        self.runtimeARN = runtimeARN
        self.region = region
        self.sessionID = sessionID
        self.payload = payload
        self.credentials = credentials
    }
}

/// What the runtime answered (the body is empty when streamed).
package struct RuntimeAnswer: Sendable, Equatable {
    package var contentType: String?
    package var body: Data

    package init(contentType: String?, body: Data) {
        self.contentType = contentType
        self.body = body
    }
}
