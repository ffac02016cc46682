import InterceptorKit
import LambdaEvents

/// The headers a tool receives: the caller's, minus every `Authorization` and
/// any identity header the caller tried to set, plus the verified identity
/// (the tier is the tenant row's) and, for `tools/call`, the scoped token.
enum ForwardedHeaders {
    static let identityHeaders = ["x-tenant-id", "x-app-id", "x-tier", "x-acting-sub"]

    static func make(from incoming: GatewayHeaders, caller: Caller, scopedToken: String?) -> GatewayHeaders {
        var headers = incoming
        headers.remove("Authorization")
        for name in identityHeaders { headers.remove(name) }
        if let scopedToken { headers.set("Authorization", "Bearer \(scopedToken)") }
        headers.set("x-tenant-id", caller.tenantID.rawValue)
        headers.set("x-app-id", caller.appID)
        headers.set("x-tier", caller.tier.rawValue)
        if let sub = caller.sub { headers.set("x-acting-sub", sub) }
        return headers
    }
}
