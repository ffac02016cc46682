import FoundationEssentials

/// The active runtime region (`/platform/config/runtime-region`), cached 60 s.
package actor RuntimeRegionCache {
    package static let parameterName = "/platform/config/runtime-region"
    package static let ttl: TimeInterval = 60

    private let parameters: any ParameterStore
    private let defaultRegion: String
    private let now: @Sendable () -> Date
    private var cached: (region: String, readAt: Date)?

    package init(parameters: any ParameterStore, defaultRegion: String = "eu-west-1",
                 now: @escaping @Sendable () -> Date = { Date() }) {
        self.parameters = parameters
        self.defaultRegion = defaultRegion
        self.now = now
    }

    /// The cached region, re-read once it is 60 s old.
    package func current() async throws -> String {
        if let cached, now().timeIntervalSince(cached.readAt) < Self.ttl { return cached.region }
        return try await refresh()
    }

    /// Reads the parameter now, bypassing the cache.
    @discardableResult
    package func refresh() async throws -> String {
        let region = try await parameters.value(of: Self.parameterName) ?? defaultRegion
        cached = (region, now())
        return region
    }

    /// Records a region this process has just written.
    package func remember(_ region: String) {
        cached = (region, now())
    }
}
