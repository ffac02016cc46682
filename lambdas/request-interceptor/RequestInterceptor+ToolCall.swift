import DataAccess
import FoundationEssentials
import InterceptorKit
import LambdaEvents
import PlatformJSON

extension RequestInterceptor {
    /// A `tools/call`: entitlement and tier (the tenant row's) first, then a
    /// scoped token, minted from a fresh grant or from the stored one of a retry.
    func toolCall(
        _ request: GatewayHTTPRequest, body: GatewayBody, message: MCPMessage, requestID: JSONValue, caller: Caller
    ) async throws -> InterceptorResult {
        let toolName = try message.toolName()
        let decision: ToolEntitlement.Decision
        do {
            decision = try await entitlement.decide(toolName: toolName, tenantID: caller.tenantID, tier: caller.tier)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "tool lookup failed")
        }
        switch decision {
        case .allowed: break
        case .unknownTool: throw InterceptorDenial.forbidden(reason: "unknown tool")
        case .disabled: throw InterceptorDenial.forbidden(reason: "tool disabled")
        case .tierTooLow: throw InterceptorDenial.forbidden(reason: "tier below the tool's minimum")
        }
        guard let sub = caller.sub, !sub.isEmpty else {
            throw InterceptorDenial.unauthenticated(reason: "token lacks sub")
        }
        let sessionIDs = request.headers.values(for: "Mcp-Session-Id")
        guard sessionIDs.count <= 1 else { throw InterceptorDenial.malformed(reason: "repeated Mcp-Session-Id") }
        let sessionID = sessionIDs.first

        let (tokenGrant, outcome) = try await grant(
            for: message, requestID: requestID, sessionID: sessionID, caller: caller, sub: sub, toolName: toolName)
        let token: String
        do {
            token = try await issuer.issue(
                for: caller, sub: sub, toolName: toolName, mcpSessionId: sessionID, grant: tokenGrant)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "scoped token could not be issued")
        }
        return pass(request, body: body, caller: caller, scopedToken: token, outcome: outcome)
    }

    /// The grant to mint from: a fresh one (stored first when the call has a
    /// session, so that its retries find it), or the stored one of a retry.
    private func grant(
        for message: MCPMessage, requestID: JSONValue, sessionID: String?, caller: Caller, sub: String, toolName: String
    ) async throws -> (ScopedTokenGrant, outcome: String) {
        guard let sessionID else { return (issuer.newGrant(), "pass tools/call") }
        let key = IdempotencyKey.toolCall(
            sessionID: sessionID, requestID: requestID, tenantID: caller.tenantID, appID: caller.appID,
            actingSub: sub, toolName: toolName)
        let digest = ToolCallReplay.digest(of: message)
        if let stored = try await storedReplay(tenant: caller.tenantID, key: key) {
            return (try Self.grant(of: stored, digest: digest), "replay tools/call")
        }
        let fresh = ToolCallReplay(requestDigest: digest, grant: issuer.newGrant())
        let time = now()
        let record = IdempotencyRecord(tenantID: caller.tenantID, idempotencyKey: key, now: time, window: Self.idempotencyWindow)
            .completed(responsePayload: fresh.payload)
        let saved: Bool
        do {
            saved = try await idempotency.saveIfAbsent(record, now: time)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "idempotency record could not be written")
        }
        if saved { return (fresh.grant, "pass tools/call") }
        // A concurrent twin stored its grant first: answer with that one.
        guard let winner = try await storedReplay(tenant: caller.tenantID, key: key) else {
            throw InterceptorDenial.internalFailure(reason: "idempotency record vanished")
        }
        return (try Self.grant(of: winner, digest: digest), "replay tools/call")
    }

    /// A stored grant answers only the very same request: the same session and
    /// id asking for something else is the client's mistake, not a retry.
    private static func grant(of stored: ToolCallReplay, digest: String) throws -> ScopedTokenGrant {
        guard stored.requestDigest == digest else {
            throw InterceptorDenial.malformed(reason: "request id reused for a different request")
        }
        return stored.grant
    }

    /// The first call's replay record (same session, id, caller and tool), if it is still live.
    private func storedReplay(tenant: TenantID, key: IdempotencyKey) async throws -> ToolCallReplay? {
        let record: IdempotencyRecord?
        do {
            record = try await idempotency.record(tenant: tenant, key: key)
        } catch {
            throw InterceptorDenial.internalFailure(reason: "idempotency record could not be read")
        }
        guard let record, record.isLive(at: now()) else { return nil }
        // Only completed records are ever written; anything else is not an answer to give.
        guard record.status == .completed, let payload = record.responsePayload,
              let replay = try? ToolCallReplay(payload: payload) else {
            throw InterceptorDenial.internalFailure(reason: "idempotency record is incomplete")
        }
        return replay
    }
}
