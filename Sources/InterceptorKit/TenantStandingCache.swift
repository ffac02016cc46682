import DataAccess
import FoundationEssentials

/// Tenant rows as the interceptors see them: cached for 30 s like the API
/// authoriser's tenant cache (so a suspension or a tier change takes effect
/// within 30 s), one read at a time per tenant, bounded.
public struct TenantStandingCache: Sendable {
    /// How long a row (or its absence) is trusted, as in the authoriser.
    public static let lifetime: TimeInterval = 30

    let store: any TenantStore
    let cache: SingleFlightCache<TenantID, Tenant>

    public init(
        store: any TenantStore, lifetime: TimeInterval = TenantStandingCache.lifetime, capacity: Int = 10_000,
        now: @escaping @Sendable () -> Date
    ) {
        self.store = store
        cache = SingleFlightCache(ttl: lifetime, capacity: capacity, now: now)
    }

    /// The row of `tenantID` (nil when there is none); throws when it cannot be read.
    public func tenant(_ tenantID: TenantID) async throws -> Tenant? {
        let store = store
        return try await cache.value(for: tenantID) { try await store.tenant(tenantID) }
    }
}
