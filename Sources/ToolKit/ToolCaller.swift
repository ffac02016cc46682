import DataAccess

/// Who a tool acts for: the tenant and user the scoped token names (ADR 0004).
public struct ToolCaller: Sendable, Equatable {
    public var tenantID: TenantID
    public var appID: String
    public var tier: Tier
    public var actingSub: String
    public var jti: String
}
