import DataAccess

/// Reads tool rows: the I/O seam between the interceptors and the tools table.
public protocol ToolStore: Sendable {
    /// The tenant's row for `name` (or the `GLOBAL` row when `tenantID` is nil), if there is one.
    func tool(named name: ToolName, tenantID: TenantID?) async throws -> Tool?
}
