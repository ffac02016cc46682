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
        let catalog = AgentCatalog(registry: dependencies.registry)
        let agent = try await catalog.resolve(request.pathParameters?["agentName"], for: caller)
        let body = try InvokeRequest(data: request.bodyData)
        let store = dependencies.tenantStore(caller.tenantID)
        guard let tenant = try await store.tenant(), tenant.status == .active else { throw APIError.forbidden }
        guard let runtimeARN = agent.runtimeARN else {
            dependencies.log("agent \(agent.agentName.rawValue) \(agent.version.rawValue) has no runtime ARN")
            throw APIError.internalError
        }
        let gate = IdempotencyGate(store: dependencies.idempotency, now: dependencies.now)
        let decision = try await gate.begin(clientKey: request.header("Idempotency-Key"), tenantID: caller.tenantID,
                                            agent: agent.agentName, body: request.bodyData)
        if case .replay(let response) = decision { return try responder.send(response) }
        do {
            let context = InvokeContext(
                caller: caller, agent: agent, tenant: tenant, request: body,
                mode: InvocationModeResolution.resolve(agent, accept: request.header("Accept")),
                sessionID: body.sessionID ?? RuntimeSessionID.generate(dependencies.newID()), runtimeARN: runtimeARN,
                credentials: try await dependencies.credentials.credentials(for: tenant), store: store,
                invocationID: InvocationID(dependencies.newID()), startedAt: dependencies.now(),
                requestID: request.requestContext.requestId)
            let (status, answerBody) = try await run(context, responder: responder)
            await gate.complete(decision, statusCode: status, body: answerBody)
        } catch {
            await gate.release(decision)
            throw error
        }
    }

    /// Runs the resolved mode; returns what an idempotent repeat replays.
    private func run(_ context: InvokeContext, responder: HTTPResponder) async throws -> (Int, String) {
        switch context.mode {
        case .sync:
            let response = try await invokeSync(context)
            let answer = try APIResponse.json(200, response, headers: ["X-Session-Id": context.sessionID])
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
            output: answer.output, sessionId: context.sessionID,
            usage: .init(inputTokens: answer.inputTokens, outputTokens: answer.outputTokens, latencyMs: latencyMs),
            timestamp: DynamoDBItemTimestamp.string(from: now))
    }
}
