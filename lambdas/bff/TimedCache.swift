import FoundationEssentials

/// One value, loaded on first use and reloaded once it is older than `lifetime`;
/// concurrent callers share one load.
actor TimedCache<Value: Sendable> {
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private let load: @Sendable () async throws -> Value
    private var cached: (value: Value, loadedAt: Date)?
    private var inFlight: Task<Value, any Error>?

    init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date, load: @escaping @Sendable () async throws -> Value) {
        self.lifetime = lifetime
        self.now = now
        self.load = load
    }

    func value() async throws -> Value {
        if let cached, now().timeIntervalSince(cached.loadedAt) < lifetime {
            return cached.value
        }
        if let inFlight {
            return try await inFlight.value
        }
        let task = Task { try await load() }
        inFlight = task
        defer { inFlight = nil }
        let value = try await task.value
        cached = (value, now())
        return value
    }

    /// Forgets the value, so the next `value()` loads it again (for example after a rotation).
    func invalidate() {
        cached = nil
    }
}
