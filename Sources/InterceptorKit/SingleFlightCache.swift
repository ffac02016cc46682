import FoundationEssentials

/// A time-bounded cache of lookups that many invocations repeat (the tenant
/// row): one load at a time per key, concurrent misses wait for it; absent
/// results are cached too, failures are not. Bounded: when full, expired
/// entries go first, then everything (a flood of distinct keys costs reads,
/// never memory).
package actor SingleFlightCache<Key: Hashable & Sendable, Value: Sendable> {
    private struct Entry {
        var value: Value?
        var expires: Date
    }

    private let ttl: TimeInterval
    private let capacity: Int
    private let now: @Sendable () -> Date
    private var entries: [Key: Entry] = [:]
    private var loads: [Key: Task<Value?, any Error>] = [:]

    package init(ttl: TimeInterval, capacity: Int = 10_000, now: @escaping @Sendable () -> Date) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// How many entries are held (for the capacity tests).
    package var count: Int { entries.count }

    /// The cached value for `key`, or `load()`'s result, stored for the TTL.
    package func value(for key: Key, load: @escaping @Sendable () async throws -> Value?) async throws -> Value? {
        if let entry = entries[key], entry.expires > now() { return entry.value }
        if let running = loads[key] { return try await running.value }
        let task = Task { try await load() }
        loads[key] = task
        defer { loads[key] = nil }
        let value = try await task.value
        store(value, for: key)
        return value
    }

    private func store(_ value: Value?, for key: Key) {
        guard ttl > 0 else { return }
        let time = now()
        if entries[key] == nil, entries.count >= capacity {
            entries = entries.filter { $0.value.expires > time }
            if entries.count >= capacity { entries.removeAll() }
        }
        entries[key] = Entry(value: value, expires: time.addingTimeInterval(ttl))
    }
}
