import FoundationEssentials

/// Values kept for `ttl` seconds after they were read, one load at a time per
/// key: concurrent misses of a key share the load in flight (and its error),
/// so a burst of cold requests costs one read, not one each.
actor TimedCache<Value: Sendable> {
    private let ttl: TimeInterval
    private let now: @Sendable () -> Date
    private var entries: [String: (value: Value, loadedAt: Date)] = [:]
    private var loading: [String: Task<Value, any Error>] = [:]

    init(ttl: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.ttl = ttl
        self.now = now
    }

    func value(for key: String, load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries[key], now().timeIntervalSince(entry.loadedAt) < ttl { return entry.value }
        if let inFlight = loading[key] { return try await inFlight.value }
        let task = Task { try await load() }
        loading[key] = task
        defer { loading[key] = nil }
        let value = try await task.value
        entries[key] = (value, now())
        return value
    }
}
