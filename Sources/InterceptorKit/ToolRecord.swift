import EntraAuth

/// A row of the tools table (`TOOL#{name}` / `TENANT#{id}` or `GLOBAL`).
public struct ToolRecord: Sendable, Equatable {
    public var toolName: String
    public var tierMinimum: Tier
    public var enabled: Bool

    public init(toolName: String, tierMinimum: Tier, enabled: Bool) {
        self.toolName = toolName
        self.tierMinimum = tierMinimum
        self.enabled = enabled
    }
}
