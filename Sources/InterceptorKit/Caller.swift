import DataAccess
import EntraAuth
import LambdaEvents

/// Who is calling through the Gateway: the verified token's identity, and the
/// tier of the tenant's row. The token's own `tier` claim is never used: the
/// row decides, as it does in the API authoriser.
public struct Caller: Sendable, Equatable {
    public var principal: EntraPrincipal
    public var tenantID: TenantID
    /// The tenant row's tier.
    public var tier: Tier

    public init(principal: EntraPrincipal, tenantID: TenantID, tier: Tier) {
        self.principal = principal
        self.tenantID = tenantID
        self.tier = tier
    }

    public var appID: String { principal.appId }
    public var sub: String? { principal.sub }
}

extension InterceptorDenial {
    /// Authenticates the bearer token in `headers` and reads the tenant's row:
    /// it must exist with status exactly `active` (else 403 / -32003, as the
    /// authoriser denies by policy); an unreadable row is 500 / -32603.
    public static func caller(
        from headers: GatewayHeaders, using authenticate: Authenticator, tenants: TenantStandingCache
    ) async throws(InterceptorDenial) -> Caller {
        let (principal, tenantID) = try await Self.principal(from: headers, using: authenticate)
        let row: Tenant?
        do {
            row = try await tenants.tenant(tenantID)
        } catch {
            throw .internalFailure(reason: "tenant lookup failed")
        }
        guard let row, row.tenantID == tenantID else { throw .forbidden(reason: "tenant not found") }
        guard row.status == .active else { throw .forbidden(reason: "tenant not active") }
        return Caller(principal: principal, tenantID: tenantID, tier: row.tier)
    }
}
