import PlatformAPI
import AWSCore
import DataAccess
import FoundationEssentials

/// One resolved invocation: who, which agent version, which mode and session.
///
/// It exists only once the INVOCATION record is buildable (`record` is the
/// outcome-free record, built before anything is invoked), so no outcome can
/// go unrecorded for want of a valid field (ADR 0027).
struct InvokeContext: Sendable {
    var caller: Caller
    var agent: AgentVersion
    var tenant: Tenant
    var request: InvokeRequest
    var mode: InvocationMode
    /// The client's handle: what the client sees and what the records name.
    var sessionID: SessionID
    /// The id sent to AgentCore, derived from the tenant and the handle (ADR 0026).
    var runtimeSessionID: String
    var runtimeARN: String
    var credentials: any CredentialProvider
    var store: any TenantStore
    /// The active runtime region when the invocation started.
    var region: AWSRegion
    var record: Invocation
    var startedAt: Date
    var requestID: String

    var invocationID: InvocationID { record.invocationID }

    var payload: AgentPayload {
        AgentPayload(request: request, mode: mode, caller: caller, agent: agent, sessionID: sessionID.rawValue)
    }

    /// The record every outcome starts from: status `error` until an outcome says otherwise.
    static func record(_ id: InvocationID, caller: Caller, agent: AgentVersion, sessionID: SessionID,
                       region: AWSRegion, mode: InvocationMode, startedAt: Date) -> Invocation {
        Invocation(invocationID: id, tenantID: caller.tenantID, appID: caller.appID, agentName: agent.agentName,
                   agentVersion: agent.version, sessionID: sessionID, inputTokens: 0, outputTokens: 0, latencyMs: 0,
                   status: .error, runtimeRegion: region, invocationMode: mode, timestamp: startedAt)
    }

    /// The INVOCATION record for this call's outcome. A region that answered
    /// but is not a valid region name (never expected) keeps the starting one.
    func invocation(status: InvocationStatus, region: String, answer: AgentAnswer?, now: Date,
                    jobID: JobID? = nil, errorCode: String? = nil) -> Invocation {
        var invocation = record
        invocation.status = status
        invocation.runtimeRegion = (try? AWSRegion(validating: region)) ?? self.region
        invocation.inputTokens = answer?.inputTokens ?? 0
        invocation.outputTokens = answer?.outputTokens ?? 0
        invocation.latencyMs = max(0, Int(now.timeIntervalSince(startedAt) * 1000))
        invocation.timestamp = now
        invocation.ttl = Retention.invocationTTL(now: now)
        invocation.jobID = jobID
        invocation.errorCode = errorCode
        return invocation
    }
}
