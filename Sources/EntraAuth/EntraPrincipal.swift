import DataAccess

/// Who a verified Entra access token speaks for.
public struct EntraPrincipal: Sendable, Equatable {
    public var tenantId: String
    public var appId: String
    /// The `tier` claim; nil when absent or not a known tier.
    public var tier: Tier?
    public var sub: String?
    public var roles: [String]

    public init(tenantId: String, appId: String, tier: Tier?, sub: String?, roles: [String]) {
        self.tenantId = tenantId
        self.appId = appId
        self.tier = tier
        self.sub = sub
        self.roles = roles
    }

    /// The tier to enforce: a token without a known tier gets the lowest.
    public var effectiveTier: Tier { tier ?? .basic }
}
