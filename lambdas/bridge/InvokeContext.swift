import PlatformAPI
import AWSCore
import DataAccess
import FoundationEssentials

/// One resolved invocation: who, which agent version, which mode and session.
struct InvokeContext: Sendable {
    var caller: Caller
    var agent: AgentVersion
    var tenant: Tenant
    var request: InvokeRequest
    var mode: InvocationMode
    var sessionID: String
    var runtimeARN: String
    var credentials: any CredentialProvider
    var store: any TenantStore
    var invocationID: InvocationID
    var startedAt: Date
    var requestID: String

    var payload: AgentPayload {
        AgentPayload(request: request, mode: mode, caller: caller, agent: agent, sessionID: sessionID)
    }

    /// The INVOCATION record for this call's outcome.
    func invocation(status: InvocationStatus, region: String, answer: AgentAnswer?, now: Date,
                    jobID: JobID? = nil, errorCode: String? = nil) -> Invocation? {
        guard let session = try? SessionID(validating: sessionID),
              let region = try? AWSRegion(validating: region) else { return nil }
        return Invocation(invocationID: invocationID, tenantID: caller.tenantID, appID: caller.appID,
                          agentName: agent.agentName, agentVersion: agent.version, sessionID: session,
                          inputTokens: answer?.inputTokens ?? 0, outputTokens: answer?.outputTokens ?? 0,
                          latencyMs: max(0, Int(now.timeIntervalSince(startedAt) * 1000)), status: status,
                          runtimeRegion: region, invocationMode: mode, timestamp: now, jobID: jobID,
                          errorCode: errorCode)
    }
}
