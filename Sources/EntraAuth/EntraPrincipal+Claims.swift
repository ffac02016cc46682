import DataAccess
import JWT

extension EntraPrincipal {
    /// The principal of a verified token's claims: `tenantid` must be a valid
    /// tenant id, `appid` a string, `roles` a string or list of strings; an
    /// absent or unknown `tier` means the lowest (enforced by ``effectiveTier``).
    init(claims: JWTClaims) throws(EntraAuthError) {
        func string(_ name: String) throws(EntraAuthError) -> String? {
            do {
                return try claims.string(name)
            } catch {
                throw .invalidClaim(name)
            }
        }
        // The validator has made sure both are present; here they must also be usable.
        guard let tenant = try string("tenantid"), let tenantID = try? TenantID(validating: tenant) else {
            throw .invalidClaim("tenantid")
        }
        guard let appId = try string("appid"), !appId.isEmpty else { throw .invalidClaim("appid") }
        let roles: [String]
        do {
            roles = try claims.strings("roles") ?? []
        } catch {
            throw .invalidClaim("roles")
        }
        let tier = (try? claims.string("tier")).flatMap { $0.flatMap(Tier.init(rawValue:)) }
        self.init(tenantId: tenantID, appId: appId, tier: tier, sub: try string("sub"), roles: roles)
    }
}
