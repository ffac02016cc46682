import DataAccess

/// Whether a caller may use a tool: the tenant's row decides if it exists,
/// else the global row; the tool must be enabled and the caller's tier at
/// least the tool's `tierMinimum`.
public struct ToolEntitlement: Sendable {
    public enum Decision: Sendable, Equatable {
        case allowed(Tool)
        case unknownTool
        case disabled
        case tierTooLow
    }

    let store: any ToolStore

    public init(store: any ToolStore) {
        self.store = store
    }

    /// `toolName` is the MCP tool name; one that is not a valid tool identifier cannot be in the table.
    public func decide(toolName: String, tenantID: TenantID, tier: Tier) async throws -> Decision {
        guard let name = try? ToolName(validating: toolName) else { return .unknownTool }
        let record: Tool?
        if let own = try await store.tool(named: name, owner: tenantID, caller: tenantID) {
            record = own
        } else {
            record = try await store.tool(named: name, owner: nil, caller: tenantID)
        }
        guard let record else { return .unknownTool }
        guard record.enabled else { return .disabled }
        guard tier.satisfies(record.tierMinimum) else { return .tierTooLow }
        return .allowed(record)
    }
}
