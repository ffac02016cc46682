import AgentInvocation
import FoundationEssentials
import PlatformAPI

extension InvokeHandler {
    /// Streaming: relays each SSE event as it arrives. Failures before the first
    /// event are ordinary error answers; after it, one `event: error` and a
    /// `StreamAborted` (reported in the trailers).
    func invokeStreaming(_ context: InvokeContext, sink: any ResponseSink) async throws -> SyncInvokeResponse {
        let payload = try context.payload.encoded()
        let relay = StreamRelay(sink: sink, sessionID: context.sessionID.rawValue)
        var region = context.region.rawValue
        do {
            let result = try await dependencies.failover.run(canRetry: { !relay.hasStarted }) { region in
                if !relay.hasStarted { relay.resetForRetry() }
                return try await dependencies.runtime.stream(RuntimeCall(
                    runtimeARN: context.runtimeARN, region: region, sessionID: context.runtimeSessionID,
                    payload: payload, credentials: context.credentials)) { chunk in try relay.relay(chunk) }
            }
            region = result.region
            logFailover(result.failover, context: context)
            guard let answer = relay.answer else { throw StreamRelay.Incomplete() }
            let now = dependencies.now()
            await recorder(context).record(context.invocation(status: .success, region: region, answer: answer, now: now))
            return syncResponse(context, answer: answer, latencyMs: latency(context, now), now: now)
        } catch {
            let apiError = await recordFailure(error, context: context, region: region)
            guard relay.hasStarted else { throw apiError }
            let envelope = APIResponse.error(apiError, requestID: context.requestID).body ?? ""
            try? relay.fail(envelope: envelope)
            throw StreamAborted(code: apiError.code.rawValue)
        }
    }
}
