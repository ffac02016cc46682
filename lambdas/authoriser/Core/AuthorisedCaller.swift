import DataAccess
import PlatformAPI

/// Who a verified request speaks for, after the tenant check.
public struct AuthorisedCaller: Sendable, Equatable {
    public enum Kind: String, Sendable { case human, machine }

    public var kind: Kind
    public var tenantID: TenantID
    public var appID: String
    /// The tenant's tier (from its record, the usage plan's source of truth).
    public var tier: Tier
    /// The token's subject, or `apikey/{keyId}` for a machine caller.
    public var subject: String
    public var roles: [String]
    /// The tenant's usage-plan API key id.
    public var usageKeyID: String?
    /// What a machine caller's signature covered (nil for a bearer token):
    /// the integration compares it with the request it receives (ADR 0028).
    public var binding: RequestBinding?

    /// Roles that open the admin routes.
    public static let adminRoles: Set<String> = ["Platform.Admin", "Platform.Operator"]
    public static let machineRole = "Machine.Invoke"

    /// Only human callers of the operator tenant `platform` can be admins: a
    /// Platform role in a customer tenant's directory grants nothing, and a
    /// machine key never reaches admin routes.
    public var isAdmin: Bool {
        kind == .human && tenantID == .platform && roles.contains { Self.adminRoles.contains($0) }
    }
}
