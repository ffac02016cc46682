import PlatformAPI
import PlatformJSON
import AWSCore
import DataAccess
import FoundationEssentials

/// The payload the bridge sends the agent (SYSTEM.md section 6).
struct AgentPayload: Encodable, Sendable {
    var prompt: String
    var mode: String
    var tenantId: String
    var appId: String
    var agentName: String
    var agentVersion: String
    var sessionId: String
    var context: JSONValue
    /// Only for async invocations.
    var async: Bool?

    init(request: InvokeRequest, mode: InvocationMode, caller: Caller, agent: AgentVersion, sessionID: String) {
        prompt = request.input
        self.mode = mode.rawValue
        tenantId = caller.tenantID.rawValue
        appId = caller.appID
        agentName = agent.agentName.rawValue
        agentVersion = agent.version.rawValue
        sessionId = sessionID
        context = request.context ?? .object([:])
        async = mode == .async ? true : nil
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
