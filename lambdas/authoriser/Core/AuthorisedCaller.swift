import DataAccess

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

    /// Roles that open the admin routes.
    public static let adminRoles: Set<String> = ["Platform.Admin", "Platform.Operator"]
    public static let machineRole = "Machine.Invoke"

    /// Only human callers can be admins; a machine key never reaches admin routes.
    public var isAdmin: Bool { kind == .human && roles.contains { Self.adminRoles.contains($0) } }
}
