import DataAccess
import FoundationEssentials

/// A tenant store whose tenant row is cached like the authoriser caches it
/// (30 s: suspension and role changes take effect within that); every other
/// read and write goes straight through.
struct CachedTenantStore: TenantStore {
    let store: any TenantStore
    let tenants: TimedCache<Tenant?>

    var tenantID: TenantID { store.tenantID }

    func tenant() async throws -> Tenant? {
        try await tenants.value(for: tenantID.rawValue) { try await store.tenant() }
    }

    func webhook(_ id: WebhookID) async throws -> Webhook? { try await store.webhook(id) }
    func job(_ id: JobID) async throws -> Job? { try await store.job(id) }
    func putJob(_ job: Job) async throws { try await store.putJob(job) }
    func putInvocation(_ invocation: Invocation) async throws { try await store.putInvocation(invocation) }
    func session(_ id: SessionID) async throws -> Session? { try await store.session(id) }
    func putSession(_ session: Session, replacing existing: Session?) async throws {
        try await store.putSession(session, replacing: existing)
    }
}
