import EntraAuth
import LambdaEvents

/// The headers a tool receives: the caller's, minus every `Authorization` and
/// any identity header the caller tried to set, plus the verified identity and
/// (for `tools/call`) the scoped token.
enum ForwardedHeaders {
    static let identityHeaders = ["x-tenant-id", "x-app-id", "x-tier", "x-acting-sub"]

    static func make(from incoming: GatewayHeaders, principal: EntraPrincipal, scopedToken: String?) -> GatewayHeaders {
        var headers = incoming
        headers.remove("Authorization")
        for name in identityHeaders { headers.remove(name) }
        if let scopedToken { headers.set("Authorization", "Bearer \(scopedToken)") }
        headers.set("x-tenant-id", principal.tenantId.rawValue)
        headers.set("x-app-id", principal.appId)
        headers.set("x-tier", principal.effectiveTier.rawValue)
        if let sub = principal.sub { headers.set("x-acting-sub", sub) }
        return headers
    }
}
