import DataAccess

/// Reads tool rows: the I/O seam between the interceptors and the tools table.
public protocol ToolStore: Sendable {
    /// The row for `name` owned by `owner` (the `GLOBAL` row when nil), read on
    /// behalf of `caller`, whose tenant isolation applies to the read.
    func tool(named name: ToolName, owner: TenantID?, caller: TenantID) async throws -> Tool?
}
