import FoundationEssentials
import Synchronization
import Testing
@testable import BFF

@Suite struct TimedCacheTests {
    @Test func reloadsAfterTheLifetimeAndOnInvalidate() async throws {
        let clock = FakeClock()
        let loads = Mutex(0)
        let cache = TimedCache<Int>(lifetime: 60, now: clock.function) {
            loads.withLock { $0 += 1; return $0 }
        }
        #expect(try await cache.value() == 1)
        clock.advance(59)
        #expect(try await cache.value() == 1)
        clock.advance(1)
        #expect(try await cache.value() == 2)
        await cache.invalidate()
        #expect(try await cache.value() == 3)
    }

    @Test func failedLoadIsNotCached() async throws {
        struct Down: Error {}
        let attempts = Mutex(0)
        let cache = TimedCache<String>(lifetime: 60, now: FakeClock().function) {
            let attempt = attempts.withLock { $0 += 1; return $0 }
            if attempt == 1 { throw Down() }
            return "eu-west-1"
        }
        await #expect(throws: Down.self) { try await cache.value() }
        #expect(try await cache.value() == "eu-west-1")
    }

    @Test func concurrentMissesShareOneLoad() async throws {
        let loads = Mutex(0)
        let cache = TimedCache<Int>(lifetime: 60, now: FakeClock().function) {
            let count = loads.withLock { $0 += 1; return $0 }
            try await Task.sleep(for: .milliseconds(100))
            return count
        }
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.value() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(loads.withLock { $0 } == 1 && values == Array(repeating: 1, count: 8))
    }
}
