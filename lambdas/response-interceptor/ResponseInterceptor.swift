import EntraAuth
import InterceptorKit
import LambdaEvents
import PlatformJSON

/// The AgentCore Gateway RESPONSE interceptor: filters `tools/list` to the tools
/// the tier of the caller's tenant row may use, and redacts personal data from
/// the answer of every method it serves (`tools/list` included); the answer of
/// a method it does not know is refused. Anything it cannot check it refuses
/// (a JSON-RPC error replaces the response).
struct ResponseInterceptor: Sendable {
    let authenticate: Authenticator
    let tenants: TenantStandingCache
    let entitlement: ToolEntitlement
    let patterns: PIIPatternCache
    let parser: JSONParser

    func handle(_ event: [UInt8]) async -> InterceptorResult {
        let input: GatewayInterceptorInput
        do {
            input = try GatewayInterceptorInput(event: event, parser: parser)
        } catch {
            return deny(.malformed(reason: error.description), id: nil)
        }
        let request = input.request.body?.document
        let id = MCPMessage.bestEffortID(of: request)
        guard let response = input.response else {
            return deny(.malformed(reason: "mcp.gatewayResponse is missing"), id: id)
        }
        guard let body = response.body else {
            return answer(response, body: nil, outcome: "pass (no body)")
        }
        switch request?["method"] {
        case .string("tools/list")?:
            let filtered: JSONValue
            do {
                filtered = try await filterTools(body.document, headers: input.request.headers)
            } catch let denial as InterceptorDenial {
                return deny(denial, id: id)
            } catch {
                return deny(.internalFailure(reason: "tool lookup failed"), id: id)
            }
            let (redacted, note) = await redact(filtered)
            return answer(response, body: body.replacingDocument(redacted), outcome: "tools/list filtered" + note)
        case .string(let method)? where MCPMessage.isKnown(method):
            let (redacted, note) = await redact(body.document)
            return answer(response, body: body.replacingDocument(redacted), outcome: "\(method) redaction" + note)
        case .string?:
            return deny(.unknownMethod, id: id)
        default:
            // Without a readable request we cannot know what answered: redact.
            let (redacted, note) = await redact(body.document)
            return answer(response, body: body.replacingDocument(redacted), outcome: "unknown request redaction" + note)
        }
    }

    /// The redacted document, and for the log line what of the SSM pattern
    /// list is not in use (positions and reasons only, never a pattern).
    private func redact(_ document: JSONValue) async -> (JSONValue, note: String) {
        let redacted = await patterns.redactResponse(document)
        let note = await patterns.lastFallbackReason.map { " [pii patterns: \($0)]" } ?? ""
        return (redacted, note)
    }

    private func filterTools(_ document: JSONValue, headers: GatewayHeaders) async throws -> JSONValue {
        let caller = try await InterceptorDenial.caller(from: headers, using: authenticate, tenants: tenants)
        let entitlement = entitlement
        let filter = ToolListFilter { name in
            let decision = try await entitlement.decide(toolName: name, tenantID: caller.tenantID, tier: caller.tier)
            if case .allowed = decision { return true }
            return false
        }
        return try await filter.filter(document)
    }

    /// The tool's response with `body`; a changed body drops a stale `Content-Length`.
    private func answer(_ response: GatewayHTTPResponse, body: GatewayBody?, outcome: String) -> InterceptorResult {
        var headers = response.headers
        if body != response.body { headers?.remove("Content-Length") }
        let output = GatewayInterceptorOutput(transformedResponse: GatewayHTTPResponse(
            statusCode: response.statusCode, headers: headers, body: body))
        let changed = body != response.body ? " (changed)" : ""
        return InterceptorResult(output: output.serialized(), outcome: outcome + changed)
    }

    private func deny(_ denial: InterceptorDenial, id: JSONValue?) -> InterceptorResult {
        InterceptorResult(output: denial.responseOutput(id: id).serialized(), outcome: denial.reason)
    }
}
