import FoundationEssentials
import Synchronization

/// A small TTL cache for lookups the authoriser repeats on every request
/// (tenant standing, API keys, key secrets).
///
/// Absent results are cached too, so repeating a garbage id costs one read
/// per TTL, not one per request. Found and absent results live in separate
/// bounded stores, each evicting expired entries first and then the least
/// recently used: unauthenticated probes with ever new ids fill only the
/// absent store and can never push out a real tenant's entries.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Stores {
        var found: LRUStore<Key, Value>
        var absent: LRUStore<Key, Void>
    }

    private let ttl: TimeInterval
    private let stores: Mutex<Stores>

    init(ttl: TimeInterval, capacity: Int = 10_000, absentCapacity: Int = 10_000) {
        self.ttl = ttl
        // A sweep for expired entries at most ten times per TTL.
        let sweep = max(ttl / 10, 1)
        stores = Mutex(Stores(found: LRUStore(capacity: capacity, sweepInterval: sweep),
                              absent: LRUStore(capacity: absentCapacity, sweepInterval: sweep)))
    }

    /// The cached value (`.some(nil)` for a cached absence), or nil on a miss.
    func lookup(_ key: Key, now: Date) -> Value?? {
        stores.withLock { stores in
            if let value = stores.found.value(for: key, now: now) { return .some(value) }
            if stores.absent.value(for: key, now: now) != nil { return .some(nil) }
            return nil
        }
    }

    func store(_ value: Value?, for key: Key, now: Date) {
        guard ttl > 0 else { return }
        let expires = now.addingTimeInterval(ttl)
        stores.withLock { stores in
            // One answer per key: a value replaces a cached absence and vice versa.
            if let value {
                stores.absent.removeValue(for: key)
                stores.found.store(value, for: key, expires: expires, now: now)
            } else {
                stores.found.removeValue(for: key)
                stores.absent.store((), for: key, expires: expires, now: now)
            }
        }
    }

    /// The cached value, or `load()`'s result stored for the TTL. Errors are not cached.
    func value(for key: Key, now: Date, load: () async throws(AuthorisationFailure) -> Value?) async throws(AuthorisationFailure) -> Value? {
        if let cached = lookup(key, now: now) { return cached }
        let loaded = try await load()
        store(loaded, for: key, now: now)
        return loaded
    }
}
