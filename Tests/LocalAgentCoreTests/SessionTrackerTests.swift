import Foundation
@testable import LocalAgentCore
import Synchronization
import Testing

@Suite struct SessionTrackerTests {
    final class Clock: Sendable {
        let time = Mutex(Date(timeIntervalSince1970: 0))
        func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
    }

    @Test func idleSessionsExpireUnlessTheirRuntimeIsBusy() {
        let clock = Clock()
        let tracker = SessionTracker(idleTimeout: 900, now: { clock.time.withLock { $0 } })
        #expect(tracker.touch("a", runtimeARN: "r1"))
        #expect(!tracker.touch("a", runtimeARN: "r1"))
        tracker.touch("b", runtimeARN: "r2")
        clock.advance(901)
        #expect(tracker.expire(busyRuntimes: ["r2"]) == 1)
        #expect(tracker.activeRuntimes == ["r2"])
        #expect(tracker.touch("a", runtimeARN: "r1"), "an expired session comes back as new")
    }
}
