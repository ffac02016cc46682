import DataAccess
import FoundationEssentials

/// Region failover under the shared lock (SYSTEM.md section 6, ADR 0007):
/// the winner flips `/platform/config/runtime-region` unless someone already
/// did; losers wait up to 2 s for the flip, then retry in whatever region is set.
package struct FailoverCoordinator: Sendable {
    package var lockStore: any FailoverLockStore
    package var parameters: any ParameterStore
    package var regions: RuntimeRegionCache
    /// The two runtime regions failover flips between.
    package var primaryRegion: String
    package var fallbackRegion: String
    /// Who takes the lock, for operators reading it (e.g. `bridge:{requestId}`).
    package var owner: String
    package var now: @Sendable () -> Date
    package var newLockID: @Sendable () -> String
    package var sleep: @Sendable (Duration) async throws -> Void
    package var loserWait: Duration = .seconds(2)
    package var loserPoll: Duration = .milliseconds(100)

    package init(lockStore: any FailoverLockStore, parameters: any ParameterStore, regions: RuntimeRegionCache,
                 primaryRegion: String = "eu-west-1", fallbackRegion: String = "eu-central-1", owner: String,
                 now: @escaping @Sendable () -> Date = { Date() },
                 newLockID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
                 sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.lockStore = lockStore
        self.parameters = parameters
        self.regions = regions
        self.primaryRegion = primaryRegion
        self.fallbackRegion = fallbackRegion
        self.owner = owner
        self.now = now
        self.newLockID = newLockID
        self.sleep = sleep
    }

    /// What happened, for logs and metrics.
    package enum Outcome: Sendable, Equatable {
        /// This caller held the lock and wrote the new region.
        case flipped(to: String)
        /// This caller held the lock but the region had already moved.
        case alreadyMoved(to: String)
        /// Someone else held the lock; the region read after waiting.
        case waited(region: String)

        package var region: String {
            switch self {
            case .flipped(let region), .alreadyMoved(let region), .waited(let region): region
            }
        }
    }

    /// Called after `failedRegion` answered unavailable; returns the region to retry in.
    package func failover(from failedRegion: String) async throws -> Outcome {
        let lockID = newLockID()
        let lock = OpsLock(lockName: OpsLock.runtimeFailover, lockID: lockID, owner: owner, now: now())
        guard try await lockStore.acquire(lock, now: now()) else {
            return .waited(region: try await waitForFlip(awayFrom: failedRegion))
        }
        do {
            let current = try await regions.refresh()
            let outcome: Outcome
            if current == failedRegion {
                let target = failedRegion == primaryRegion ? fallbackRegion : primaryRegion
                try await parameters.setValue(target, of: RuntimeRegionCache.parameterName)
                await regions.remember(target)
                outcome = .flipped(to: target)
            } else {
                outcome = .alreadyMoved(to: current)
            }
            try? await lockStore.release(OpsLock.runtimeFailover, lockID: lockID)
            return outcome
        } catch {
            try? await lockStore.release(OpsLock.runtimeFailover, lockID: lockID)
            throw error
        }
    }

    private func waitForFlip(awayFrom failedRegion: String) async throws -> String {
        var waited: Duration = .zero
        while waited < loserWait {
            try await sleep(loserPoll)
            waited += loserPoll
            let region = try await regions.refresh()
            if region != failedRegion { return region }
        }
        return try await regions.refresh()
    }
}
