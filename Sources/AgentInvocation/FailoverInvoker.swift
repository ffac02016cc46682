import FoundationEssentials

/// Runs one runtime call in the active region and, when the region answers
/// unavailable, fails over (under the shared lock) and retries exactly once.
package struct FailoverInvoker: Sendable {
    package var regions: RuntimeRegionCache
    package var coordinator: FailoverCoordinator

    package init(regions: RuntimeRegionCache, coordinator: FailoverCoordinator) {
        self.regions = regions
        self.coordinator = coordinator
    }

    /// The result and the region that produced it.
    package struct Result<Value: Sendable>: Sendable {
        package var value: Value
        package var region: String
        /// Set when this call triggered or joined a failover.
        package var failover: FailoverCoordinator.Outcome?
    }

    /// Calls `attempt` with the active region; `canRetry` says whether the failed
    /// attempt left nothing behind (a stream that already relayed bytes cannot be retried).
    package func run<Value: Sendable>(
        canRetry: @Sendable () -> Bool = { true },
        _ attempt: @Sendable (String) async throws -> Value
    ) async throws -> Result<Value> {
        let region = try await regions.current()
        do {
            return Result(value: try await attempt(region), region: region, failover: nil)
        } catch {
            guard RuntimeFailure(error).triggersFailover, canRetry() else { throw error }
            let outcome = try await coordinator.failover(from: region)
            return Result(value: try await attempt(outcome.region), region: outcome.region, failover: outcome)
        }
    }
}
