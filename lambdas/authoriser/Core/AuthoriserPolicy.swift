import FoundationEssentials
import LambdaEvents
import PlatformJSON

/// The IAM policy the authoriser returns. API Gateway caches it per
/// Authorization header and re-evaluates it for every later method. A bearer
/// token authorises a caller, so its Allow covers the whole API; a SigV4
/// signature authorises one request, so its Allow covers only that method ARN
/// (ADR 0028). The routes a caller may not use are explicit Denies (an
/// explicit Deny beats any Allow).
enum AuthoriserPolicy {
    /// Method/resource patterns of the admin routes (SYSTEM.md section 4),
    /// checked against `infra/routes.json` by the tests.
    static let adminResources = [
        "*/v1/platform/*",
        "POST/v1/tenants",
        "PATCH/v1/tenants/*",
        "DELETE/v1/tenants/*",
        "GET/v1/tenants/*/audit-export",
    ]
    /// Routes that run as the operator tenant `platform`.
    static let platformTenantResources = ["*/v1/platform/*"]

    /// `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}` from a method ARN; nil if it is not one.
    /// Works on the UTF-8 bytes (every separator is ASCII): splitting by Character cost microseconds per decision.
    static func apiRoot(ofMethodARN arn: String) -> String? {
        let utf8 = arn.utf8
        let parts = utf8.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].elementsEqual("arn".utf8), parts[2].elementsEqual("execute-api".utf8) else { return nil }
        let path = parts[5].split(separator: UInt8(ascii: "/"), maxSplits: 2, omittingEmptySubsequences: false)
        guard path.count >= 2, !path[0].isEmpty, !path[1].isEmpty else { return nil }
        // The ARN up to the stage is `arn:...:{apiId}/{stage}` itself.
        return String(Substring(utf8[..<path[1].endIndex]))
    }

    /// Allow the whole API (a user) or the signed request's method ARN (a
    /// machine), minus what this caller may not reach.
    static func allow(_ caller: AuthorisedCaller, apiRoot: String, methodARN: String) -> APIGatewayAuthorizerResponse {
        let denied = deniedResources(admin: caller.isAdmin, platformTenant: caller.tenantID == .platform)
        let allowed = caller.kind == .machine ? methodARN : apiRoot + "/*/*"
        var statements = [APIGatewayAuthorizerResponse.Statement(effect: .allow, resource: [allowed])]
        if !denied.isEmpty {
            statements.append(.init(effect: .deny, resource: denied.map { apiRoot + "/" + $0 }))
        }
        return APIGatewayAuthorizerResponse(
            principalId: caller.subject, policyDocument: .init(statement: statements),
            context: context(of: caller), usageIdentifierKey: caller.usageKeyID
        )
    }

    /// The route patterns a caller may not reach: admin routes unless an admin
    /// (admins are only ever of `platform`), operator-tenant routes unless of
    /// `platform`. Worked out once, not per decision.
    static func deniedResources(admin: Bool, platformTenant: Bool) -> [String] {
        if admin { return [] }
        return platformTenant ? adminResources : deniedToTenantUsers
    }

    private static let deniedToTenantUsers = unique(adminResources + platformTenantResources)

    /// Deny everything (valid credentials, refused by policy: a 403).
    static func deny(principalID: String, apiRoot: String) -> APIGatewayAuthorizerResponse {
        APIGatewayAuthorizerResponse(
            principalId: principalID,
            policyDocument: .init(statement: [.init(effect: .deny, resource: ["\(apiRoot)/*/*"])]),
            context: nil, usageIdentifierKey: nil
        )
    }

    /// `{tenantId, appId, tier, sub, roles}`; roles as a JSON string, since context values are scalars.
    /// A machine caller's context also carries what its signature covered (`signed*`).
    static func context(of caller: AuthorisedCaller) -> [String: String] {
        let roles = JSONValue.array(caller.roles.map { .string($0) }).serializedString
        let context = [
            "tenantId": caller.tenantID.rawValue, "appId": caller.appID, "tier": caller.tier.rawValue,
            "sub": caller.subject, "roles": roles,
        ]
        guard let binding = caller.binding else { return context }
        return context.merging(binding.context) { identity, _ in identity }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
