/// Which row of a tool is read: the tenant's own override, or the global default.
public enum ToolScope: Sendable, Hashable {
    case tenant(String)
    case global

    /// The sort key of the row.
    public var sortKey: String {
        switch self {
        case .tenant(let tenantId): "TENANT#\(tenantId)"
        case .global: "GLOBAL"
        }
    }
}

/// Reads tool rows: the I/O seam between the interceptors and the tools table.
public protocol ToolStore: Sendable {
    /// The row for `name` in `scope`, or nil when there is none.
    func tool(named name: String, scope: ToolScope) async throws -> ToolRecord?
}
