import EntraAuth
import InterceptorKit
import LambdaEvents
import PlatformJSON

/// The AgentCore Gateway RESPONSE interceptor: filters `tools/list` to the tools
/// the caller's tier may use and redacts personal data from `tools/call` results.
/// Anything it cannot check it refuses (a JSON-RPC error replaces the response).
struct ResponseInterceptor: Sendable {
    let authenticate: Authenticator
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
        switch request?["method"]?.stringValue {
        case "tools/list":
            do {
                let filtered = try await filterTools(body.document, headers: input.request.headers)
                return answer(response, body: body.replacingDocument(filtered), outcome: "tools/list filtered")
            } catch let denial as InterceptorDenial {
                return deny(denial, id: id)
            } catch {
                return deny(.internalFailure(reason: "tool lookup failed"), id: id)
            }
        case "tools/call", nil:
            // Without a readable request we cannot know it was not a tool call: redact.
            let redacted = await patterns.redactResponse(body.document)
            return answer(response, body: body.replacingDocument(redacted), outcome: "tools/call redaction")
        default:
            return answer(response, body: body, outcome: "pass")
        }
    }

    private func filterTools(_ document: JSONValue, headers: GatewayHeaders) async throws -> JSONValue {
        let (principal, tenantID) = try await InterceptorDenial.principal(from: headers, using: authenticate)
        let entitlement = entitlement
        let filter = ToolListFilter { name in
            let decision = try await entitlement.decide(
                toolName: name, tenantID: tenantID, tier: principal.effectiveTier)
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
