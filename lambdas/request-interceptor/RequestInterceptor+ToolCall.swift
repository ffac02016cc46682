import DataAccess
import EntraAuth
import FoundationEssentials
import InterceptorKit
import LambdaEvents
import PlatformJSON

extension RequestInterceptor {
    /// A `tools/call`: entitlement and tier first, then replay or a fresh scoped token.
    func toolCall(
        _ request: GatewayHTTPRequest, body: GatewayBody, message: MCPMessage, requestID: JSONValue,
        principal: EntraPrincipal, tenantID: TenantID
    ) async throws -> InterceptorResult {
        let toolName = try message.toolName()
        let decision: ToolEntitlement.Decision
        do {
            decision = try await entitlement.decide(
                toolName: toolName, tenantID: tenantID, tier: principal.effectiveTier)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "tool lookup failed")
        }
        switch decision {
        case .allowed: break
        case .unknownTool: throw InterceptorDenial.forbidden(reason: "unknown tool")
        case .disabled: throw InterceptorDenial.forbidden(reason: "tool disabled")
        case .tierTooLow: throw InterceptorDenial.forbidden(reason: "tier below the tool's minimum")
        }
        guard let sub = principal.sub, !sub.isEmpty else {
            throw InterceptorDenial.unauthenticated(reason: "token lacks sub")
        }
        let sessionIDs = request.headers.values(for: "Mcp-Session-Id")
        guard sessionIDs.count <= 1 else { throw InterceptorDenial.malformed(reason: "repeated Mcp-Session-Id") }
        let sessionID = sessionIDs.first

        let key = sessionID.map {
            IdempotencyKey.toolCall(sessionID: $0, requestID: requestID, actingSub: sub, toolName: toolName)
        }
        if let key, let replay = try await storedAnswer(tenant: tenantID, key: key) {
            return replay
        }
        let token: String
        do {
            token = try await issuer.issue(
                for: (principal.tenantId.rawValue, principal.appId, principal.effectiveTier, sub), toolName: toolName,
                mcpSessionId: sessionID)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "scoped token could not be issued")
        }
        let result = pass(request, body: body, principal: principal, scopedToken: token, outcome: "pass tools/call")
        guard let key else { return result }

        let time = now()
        let record = IdempotencyRecord(tenantID: tenantID, idempotencyKey: key, now: time, window: Self.idempotencyWindow)
            .completed(responsePayload: String(decoding: result.output, as: UTF8.self))
        let saved: Bool
        do {
            saved = try await idempotency.saveIfAbsent(record, now: time)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "idempotency record could not be written")
        }
        if saved { return result }
        // A concurrent twin stored its answer first: answer with that one.
        guard let replay = try await storedAnswer(tenant: tenantID, key: key) else {
            throw InterceptorDenial.internalFailure(reason: "idempotency record vanished")
        }
        return replay
    }

    /// The first answer to this call (same session, id, user and tool), if it is still live.
    private func storedAnswer(tenant: TenantID, key: IdempotencyKey) async throws -> InterceptorResult? {
        let record: IdempotencyRecord?
        do {
            record = try await idempotency.record(tenant: tenant, key: key)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "idempotency record could not be read")
        }
        guard let record, record.isLive(at: now()) else { return nil }
        // Only completed records are ever written; anything else is not an answer to give.
        guard record.status == .completed, let output = record.responsePayload else {
            throw InterceptorDenial.internalFailure(reason: "idempotency record is incomplete")
        }
        return InterceptorResult(output: Array(output.utf8), outcome: "replay tools/call")
    }
}
