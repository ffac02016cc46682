import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import PlatformAPI

extension InvokeHandler {
    /// Sync: one buffered InvokeAgentRuntime (with failover), then the record.
    func invokeSync(_ context: InvokeContext) async throws -> SyncInvokeResponse {
        let payload = try context.payload.encoded()
        var region = context.region.rawValue
        do {
            let answer = try AgentAnswer(body: try await invokeBuffered(context, payload: payload, region: &region).body)
            let now = dependencies.now()
            let response = syncResponse(context, answer: answer, latencyMs: latency(context, now), now: now)
            await recorder(context).record(context.invocation(status: .success, region: region, answer: answer, now: now))
            return response
        } catch {
            throw await recordFailure(error, context: context, region: region)
        }
    }

    /// Records a failed invocation and returns the client's error.
    func recordFailure(_ error: any Error, context: InvokeContext, region: String, jobID: JobID? = nil) async -> APIError {
        let apiError = RuntimeErrorMapping.apiError(for: error)
        dependencies.log("invocation \(context.invocationID.rawValue) failed: \(apiError.code.rawValue) (\(Self.cause(error)))")
        await recorder(context).record(context.invocation(
            status: RuntimeErrorMapping.invocationStatus(for: apiError), region: region, answer: nil,
            now: dependencies.now(), jobID: jobID, errorCode: apiError.code.rawValue))
        return apiError
    }

    /// What failed, for operators: a service error code or transport failure, never a payload.
    static func cause(_ error: any Error) -> String {
        switch error {
        case let error as AWSError: "\(error.service) \(error.code) HTTP \(error.status)"
        case let error as TransportError: error.description
        default: String(describing: type(of: error))
        }
    }

    func latency(_ context: InvokeContext, _ now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(context.startedAt) * 1000))
    }

    /// One buffered InvokeAgentRuntime with failover (sync and async share it);
    /// `region` becomes the region that answered.
    func invokeBuffered(_ context: InvokeContext, payload: Data, region: inout String) async throws -> RuntimeAnswer {
        let result = try await dependencies.failover.run { region in
            try await dependencies.runtime.invoke(RuntimeCall(
                runtimeARN: context.runtimeARN, region: region, sessionID: context.runtimeSessionID,
                payload: payload, credentials: context.credentials))
        }
        region = result.region
        logFailover(result.failover, context: context)
        return result.value
    }

    func logFailover(_ outcome: FailoverCoordinator.Outcome?, context: InvokeContext) {
        guard let outcome else { return }
        dependencies.log("invocation \(context.invocationID.rawValue) failed over: \(outcome)")
    }
}
