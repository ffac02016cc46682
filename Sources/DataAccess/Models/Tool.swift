/// A tool the gateway may call (`TOOL#{name}` / `TENANT#{id}` or `GLOBAL`).
/// `tenantId` is absent on the `GLOBAL` row and names the tenant otherwise.
public struct Tool: TableRecord, Equatable {
    public var toolName: ToolName
    public var tenantID: TenantID?
    public var tierMinimum: Tier
    public var lambdaARN: String
    public var enabled: Bool

    enum CodingKeys: String, CodingKey {
        case toolName, tenantID = "tenantId", tierMinimum, lambdaARN = "lambdaArn", enabled
    }

    public init(toolName: ToolName, tenantID: TenantID?, tierMinimum: Tier, lambdaARN: String, enabled: Bool) {
        self.toolName = toolName
        self.tenantID = tenantID
        self.tierMinimum = tierMinimum
        self.lambdaARN = lambdaARN
        self.enabled = enabled
    }

    public var key: TableKey { .tool(toolName, tenantID: tenantID) }

    /// Whether a caller of `tier` may call this tool.
    public func allows(_ tier: Tier) -> Bool { enabled && tier.satisfies(tierMinimum) }
}
