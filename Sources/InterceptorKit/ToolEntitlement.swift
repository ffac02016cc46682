import EntraAuth

/// Whether a caller may use a tool: the tenant's row decides if it exists,
/// else the global row; the tool must be enabled and the caller's tier at
/// least the tool's `tierMinimum`.
public struct ToolEntitlement: Sendable {
    public enum Decision: Sendable, Equatable {
        case allowed(ToolRecord)
        case unknownTool
        case disabled
        case tierTooLow
    }

    let store: any ToolStore

    public init(store: any ToolStore) {
        self.store = store
    }

    public func decide(toolName: String, tenantId: String, tier: Tier) async throws -> Decision {
        let record: ToolRecord?
        if let own = try await store.tool(named: toolName, scope: .tenant(tenantId)) {
            record = own
        } else {
            record = try await store.tool(named: toolName, scope: .global)
        }
        guard let record else { return .unknownTool }
        guard record.enabled else { return .disabled }
        guard tier >= record.tierMinimum else { return .tierTooLow }
        return .allowed(record)
    }
}
