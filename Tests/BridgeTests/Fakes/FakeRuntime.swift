import PlatformJSON
import AgentInvocation
import AWSCore
import FoundationEssentials
import Synchronization

/// A scripted AgentCore Runtime: per call, either an error, a buffered body,
/// or stream chunks (optionally failing after them).
final class FakeRuntime: AgentRuntime, Sendable {
    enum Script: Sendable {
        case answer(String)
        case chunks([String], thenFail: (any Error & Sendable)?)
        case fail(any Error & Sendable)
    }

    struct Call: Sendable {
        var region: String
        var sessionID: String
        var payload: JSONObject
        var runtimeARN: String
    }

    let script: @Sendable (RuntimeCall) -> Script
    let calls = Mutex<[Call]>([])

    init(_ script: @escaping @Sendable (RuntimeCall) -> Script) { self.script = script }

    private func record(_ call: RuntimeCall) {
        var payload = JSONObject()
        if case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: call.payload) { payload = fields }
        calls.withLock { $0.append(Call(region: call.region, sessionID: call.sessionID, payload: payload,
                                         runtimeARN: call.runtimeARN)) }
    }

    func invoke(_ call: RuntimeCall) async throws -> RuntimeAnswer {
        record(call)
        switch script(call) {
        case .answer(let body): return RuntimeAnswer(contentType: "application/json", body: Data(body.utf8))
        case .chunks(let chunks, let failure):
            if let failure { throw failure }
            return RuntimeAnswer(contentType: "text/event-stream", body: Data(chunks.joined().utf8))
        case .fail(let error): throw error
        }
    }

    func stream(_ call: RuntimeCall, onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> RuntimeAnswer {
        record(call)
        switch script(call) {
        case .answer(let body):
            try await onChunk(Data(body.utf8))
            return RuntimeAnswer(contentType: "application/json", body: Data())
        case .chunks(let chunks, let failure):
            for chunk in chunks { try await onChunk(Data(chunk.utf8)) }
            if let failure { throw failure }
            return RuntimeAnswer(contentType: "text/event-stream", body: Data())
        case .fail(let error): throw error
        }
    }

    static func unavailable() -> AWSError {
        AWSError(service: "Bedrock AgentCore", code: "ServiceUnavailableException", message: "down", status: 503)
    }

    static func throttled() -> AWSError {
        AWSError(service: "Bedrock AgentCore", code: "ThrottlingException", message: "slow down", status: 429)
    }
}
