import FoundationEssentials

/// The active runtime region (`/platform/config/runtime-region`), cached 60 s.
///
/// When the parameter cannot be read (SSM throttling or an outage) the last
/// region read is served instead of failing every invocation, and SSM is
/// asked again only after `staleRetry` seconds (ADR 0027). Without any
/// region read yet, the error is thrown.
package actor RuntimeRegionCache {
    package static let parameterName = "/platform/config/runtime-region"
    package static let ttl: TimeInterval = 60
    package static let staleRetry: TimeInterval = 5

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

    /// The cached region, re-read once it is 60 s old; the last known one while it cannot be read.
    package func current() async throws -> String {
        if let cached, now().timeIntervalSince(cached.readAt) < Self.ttl { return cached.region }
        do {
            return try await refresh()
        } catch {
            guard let cached else { throw error }
            // Stale, not failed: the next read is due after `staleRetry`, not on every call.
            self.cached = (cached.region, now().addingTimeInterval(Self.staleRetry - Self.ttl))
            return cached.region
        }
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
