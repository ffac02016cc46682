import PlatformAPI
import DataAccess

/// Chooses the record store for a request, so that crossing a tenant boundary
/// is always an explicit, visible call.
struct StoreProvider: Sendable {
    /// The store bound to one tenant: keys of any other tenant are refused.
    let tenantScoped: @Sendable (TenantID) -> any RecordStore
    /// Cross-tenant access for operator paths (listing tenants, audit, locks, registry).
    let controlPlane: any RecordStore

    /// The store for `caller` acting on `target`: the caller's own tenant-scoped
    /// store when it is the target, else the control plane (the handler has
    /// already checked that the caller is platform staff).
    func store(for caller: Caller, actingOn target: TenantID) -> any RecordStore {
        caller.tenantID == target ? tenantScoped(target) : controlPlane
    }
}
