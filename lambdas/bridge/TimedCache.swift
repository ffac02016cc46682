import FoundationEssentials

/// Values kept for `ttl` seconds after they were read, one load at a time per key.
actor TimedCache<Value: Sendable> {
    private let ttl: TimeInterval
    private let now: @Sendable () -> Date
    private var entries: [String: (value: Value, loadedAt: Date)] = [:]

    init(ttl: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.ttl = ttl
        self.now = now
    }

    func value(for key: String, load: @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries[key], now().timeIntervalSince(entry.loadedAt) < ttl { return entry.value }
        let value = try await load()
        entries[key] = (value, now())
        return value
    }
}
