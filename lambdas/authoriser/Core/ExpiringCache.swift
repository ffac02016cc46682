import FoundationEssentials
import Synchronization

/// A small TTL cache for lookups the authoriser repeats on every request
/// (tenant standing, API keys, key secrets). Absent results are cached too,
/// so garbage ids cannot turn into a read per request. Bounded: when full,
/// expired entries go first, then everything.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value?
        var expires: Date
    }

    private let ttl: TimeInterval
    private let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    init(ttl: TimeInterval, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The cached value (`.some(nil)` for a cached absence), or nil on a miss.
    func lookup(_ key: Key, now: Date) -> Value?? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.expires > now else { return nil }
            return .some(entry.value)
        }
    }

    func store(_ value: Value?, for key: Key, now: Date) {
        guard ttl > 0 else { return }
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll() }
            }
            entries[key] = Entry(value: value, expires: now.addingTimeInterval(ttl))
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
