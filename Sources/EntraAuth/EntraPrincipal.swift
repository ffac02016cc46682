import DataAccess

/// Who a verified Entra access token speaks for.
public struct EntraPrincipal: Sendable, Equatable {
    /// The `tenantid` claim, validated as a platform tenant id.
    public var tenantId: TenantID
    /// The `appid` claim.
    public var appId: String
    /// The `tier` claim; nil when absent or not a known tier.
    public var tier: Tier?
    public var sub: String?
    /// The `roles` claim (`Platform.Admin`, `Platform.Operator`...); empty when absent.
    public var roles: [String]

    public init(tenantId: TenantID, appId: String, tier: Tier?, sub: String?, roles: [String]) {
        self.tenantId = tenantId
        self.appId = appId
        self.tier = tier
        self.sub = sub
        self.roles = roles
    }

    /// The tier to enforce: a token without a known tier gets the lowest.
    public var effectiveTier: Tier { tier ?? .basic }
}
