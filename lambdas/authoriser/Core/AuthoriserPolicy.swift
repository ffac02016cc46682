import FoundationEssentials
import LambdaEvents

/// The IAM policy the authoriser returns. API Gateway caches it per
/// Authorization header and re-evaluates it for every later method, so an
/// Allow covers the whole API and the routes this caller may not use are
/// explicit Denies (an explicit Deny beats any Allow).
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
    static func apiRoot(ofMethodARN arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "execute-api" else { return nil }
        let path = parts[5].split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard path.count >= 2, !path[0].isEmpty, !path[1].isEmpty else { return nil }
        return parts[0..<5].joined(separator: ":") + ":" + path[0] + "/" + path[1]
    }

    /// Allow the whole API, minus what this caller may not reach.
    static func allow(_ caller: AuthorisedCaller, apiRoot: String) -> APIGatewayAuthorizerResponse {
        var denied: [String] = []
        if !caller.isAdmin { denied += adminResources }
        if caller.tenantID != .platform { denied += platformTenantResources }
        var statements = [APIGatewayAuthorizerResponse.Statement(effect: .allow, resource: ["\(apiRoot)/*/*"])]
        if !denied.isEmpty {
            statements.append(.init(effect: .deny, resource: unique(denied).map { "\(apiRoot)/\($0)" }))
        }
        return APIGatewayAuthorizerResponse(
            principalId: caller.subject, policyDocument: .init(statement: statements),
            context: context(of: caller), usageIdentifierKey: caller.usageKeyID
        )
    }

    /// Deny everything (valid credentials, refused by policy: a 403).
    static func deny(principalID: String, apiRoot: String) -> APIGatewayAuthorizerResponse {
        APIGatewayAuthorizerResponse(
            principalId: principalID,
            policyDocument: .init(statement: [.init(effect: .deny, resource: ["\(apiRoot)/*/*"])]),
            context: nil, usageIdentifierKey: nil
        )
    }

    /// `{tenantId, appId, tier, sub, roles}`; roles as a JSON string, since context values are scalars.
    static func context(of caller: AuthorisedCaller) -> [String: String] {
        let roles = (try? JSONEncoder().encode(caller.roles)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return [
            "tenantId": caller.tenantID.rawValue, "appId": caller.appID, "tier": caller.tier.rawValue,
            "sub": caller.subject, "roles": roles,
        ]
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
