import DataAccess

/// Reads a tenant's `METADATA` row: the I/O seam between the interceptors and
/// the tenants table.
public protocol TenantStore: Sendable {
    /// The row of `tenantID`, read on behalf of that tenant; nil when there is none.
    func tenant(_ tenantID: TenantID) async throws -> Tenant?
}
