import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// `POST /v1/agents/{agentName}/invoke`: validates, resolves the agent and
/// mode, applies idempotency, then runs the sync, streaming or async path.
struct InvokeHandler: Sendable {
    let dependencies: BridgeDependencies

    /// Thrown after a stream has started and ended with an error event; the
    /// runtime reports it in the response trailers.
    struct StreamAborted: Error, Sendable, Equatable, CustomStringConvertible {
        var code: String
        var description: String { "the stream ended with error \(code)" }
    }

    func handle(_ request: APIGatewayProxyRequest, caller: Caller, responder: HTTPResponder) async throws {
        let store = dependencies.tenantStore(caller.tenantID)
        // Tier and status come from the tenant row, never from the token.
        let tenant = try await store.activeTenant()
        let agent = try await AgentCatalog(registry: dependencies.registry)
            .resolve(request.pathParameters?["agentName"], tier: tenant.tier)
        let body = try InvokeRequest(data: request.bodyData)
        guard let runtimeARN = agent.runtimeARN else {
            dependencies.log("agent \(agent.agentName.rawValue) \(agent.version.rawValue) has no runtime ARN")
            throw APIError.internalError
        }
        let region = try await activeRegion()
        let gate = IdempotencyGate(store: dependencies.idempotency(caller.tenantID), now: dependencies.now)
        let decision = try await gate.begin(clientKey: request.header("Idempotency-Key"), caller: caller,
                                            agent: agent.agentName, body: request.bodyData)
        if case .replay(let response) = decision { return try responder.send(response) }
        do {
            let mode = InvocationModeResolution.resolve(agent, accept: request.header("Accept"))
            let sessionID = body.sessionID ?? SessionID(dependencies.newID())
            // Recorded before anything runs: an invocation whose session cannot be recorded is refused.
            let runtimeSessionID = try await openSession(sessionID, caller: caller, agent: agent, store: store)
            let startedAt = dependencies.now()
            let context = InvokeContext(
                caller: caller, agent: agent, tenant: tenant, request: body, mode: mode,
                sessionID: sessionID, runtimeSessionID: runtimeSessionID, runtimeARN: runtimeARN,
                credentials: try await dependencies.credentials.credentials(for: tenant), store: store, region: region,
                record: InvokeContext.record(InvocationID(dependencies.newID()), caller: caller, agent: agent,
                                             sessionID: sessionID, region: region, mode: mode, startedAt: startedAt),
                startedAt: startedAt, requestID: request.requestContext.requestId)
            let (status, answerBody) = try await run(context, responder: responder)
            await gate.complete(decision, statusCode: status, body: answerBody)
        } catch {
            await gate.release(decision)
            throw error
        }
    }

    /// The active runtime region, checked to be a region name before anything is invoked.
    private func activeRegion() async throws -> AWSRegion {
        let text: String
        do {
            text = try await dependencies.failover.regions.current()
        } catch {
            dependencies.log("active runtime region unreadable: \(Self.cause(error))")
            throw APIError(.serviceUnavailable, "The agent runtime is unavailable; retry shortly.")
        }
        guard let region = try? AWSRegion(validating: text) else {
            dependencies.log("active runtime region parameter is not a region name")
            throw APIError(.serviceUnavailable, "The agent runtime is unavailable; retry shortly.")
        }
        return region
    }

    /// Runs the resolved mode; returns what an idempotent repeat replays.
    private func run(_ context: InvokeContext, responder: HTTPResponder) async throws -> (Int, String) {
        switch context.mode {
        case .sync:
            let response = try await invokeSync(context)
            let answer = try APIResponse.json(200, response, headers: ["X-Session-Id": context.sessionID.rawValue])
            try responder.send(answer)
            return (200, answer.body ?? "")
        case .streaming:
            let response = try await invokeStreaming(context, sink: responder.sink)
            return (200, String(decoding: try Self.encoder.encode(response), as: UTF8.self))
        case .async:
            let accepted = try await invokeAsync(context)
            let answer = try APIResponse.json(202, accepted)
            try responder.send(answer)
            return (202, answer.body ?? "")
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func recorder(_ context: InvokeContext) -> InvocationRecorder {
        InvocationRecorder(store: context.store, metrics: dependencies.metrics, log: dependencies.log)
    }

    func syncResponse(_ context: InvokeContext, answer: AgentAnswer, latencyMs: Int, now: Date) -> SyncInvokeResponse {
        SyncInvokeResponse(
            invocationId: context.invocationID.rawValue, agentName: context.agent.agentName.rawValue,
            agentVersion: context.agent.version.rawValue, mode: context.mode.rawValue, status: "success",
            output: answer.output, sessionId: context.sessionID.rawValue,
            usage: .init(inputTokens: answer.inputTokens, outputTokens: answer.outputTokens, latencyMs: latencyMs),
            timestamp: DynamoDBItemTimestamp.string(from: now))
    }
}
