import DataAccess
import EntraAuth
import FoundationEssentials
import InterceptorKit
import LambdaEvents
import PlatformJSON

/// The AgentCore Gateway REQUEST interceptor: verifies the user's Entra token,
/// reads the tenant's row (it must be `active`; its tier is the one enforced),
/// refuses methods the platform does not serve, checks the tool's entitlement
/// and tier before the tool is ever called, replaces the user's credentials
/// with a scoped act-on-behalf token, and answers a retried `tools/call` with
/// a token minted again from the first call's grant.
///
/// It never lets a request through on a failure: every path that is not a
/// verified pass returns a JSON-RPC error that the Gateway sends instead.
struct RequestInterceptor: Sendable {
    let authenticate: Authenticator
    let tenants: TenantStandingCache
    let entitlement: ToolEntitlement
    let issuer: ScopedTokenIssuer
    let idempotency: any IdempotencyStore
    let parser: JSONParser
    let now: @Sendable () -> Date

    static let idempotencyWindow = Retention.interceptorIdempotency

    func handle(_ event: [UInt8]) async -> InterceptorResult {
        var id: JSONValue?
        do {
            let input: GatewayInterceptorInput
            do {
                input = try GatewayInterceptorInput(event: event, parser: parser)
            } catch {
                throw InterceptorDenial.malformed(reason: error.description)
            }
            guard let body = input.request.body else { throw InterceptorDenial.malformed(reason: "body is missing") }
            id = MCPMessage.bestEffortID(of: body.document)
            let message = try MCPMessage(document: body.document)
            let caller = try await InterceptorDenial.caller(
                from: input.request.headers, using: authenticate, tenants: tenants)
            guard MCPMessage.isKnown(message.method) else { throw InterceptorDenial.unknownMethod }
            if message.isNotification {
                return pass(input.request, body: body, caller: caller, scopedToken: nil, outcome: "pass notification")
            }
            let requestID = try message.requireID()
            guard message.method == "tools/call" else {
                return pass(input.request, body: body, caller: caller, scopedToken: nil, outcome: "pass \(message.loggedMethod)")
            }
            return try await toolCall(input.request, body: body, message: message, requestID: requestID, caller: caller)
        } catch let denial as InterceptorDenial {
            return deny(denial, id: id)
        } catch {
            return deny(.internalFailure(reason: "unexpected failure"), id: id)
        }
    }

    func pass(
        _ request: GatewayHTTPRequest, body: GatewayBody, caller: Caller, scopedToken: String?, outcome: String
    ) -> InterceptorResult {
        let headers = ForwardedHeaders.make(from: request.headers, caller: caller, scopedToken: scopedToken)
        let output = GatewayInterceptorOutput(transformedRequest: .init(headers: headers, body: body))
        return InterceptorResult(output: output.serialized(), outcome: outcome)
    }

    func deny(_ denial: InterceptorDenial, id: JSONValue?) -> InterceptorResult {
        InterceptorResult(output: denial.requestOutput(id: id).serialized(), outcome: denial.reason)
    }
}
