@testable import Bridge
import FoundationEssentials
import Synchronization
import Testing

@Suite struct TimedCacheTests {
    /// A load that blocks until released, counting how often it ran.
    final class GatedLoad: Sendable {
        let loads = Mutex(0)
        let released = Mutex(false)
        func run() async throws -> Int {
            let count = loads.withLock { $0 += 1; return $0 }
            while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(2)) }
            return count
        }
    }

    @Test func concurrentMissesShareOneLoad() async throws {
        let cache = TimedCache<Int>(ttl: 30, now: { Date(timeIntervalSince1970: 0) })
        let gate = GatedLoad()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.value(for: "k") { try await gate.run() } } }
            // Every caller has reached the cache well before the load is let go.
            try await Task.sleep(for: .milliseconds(100))
            gate.released.withLock { $0 = true }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(gate.loads.withLock { $0 } == 1)
        #expect(values == Array(repeating: 1, count: 8))
        #expect(try await cache.value(for: "k") { try await gate.run() } == 1, "then served from the cache")
    }

    @Test func keysLoadIndependentlyAndEntriesExpire() async throws {
        let clock = FakeClock(Date(timeIntervalSince1970: 0))
        let cache = TimedCache<String>(ttl: 30, now: { clock.now })
        let loads = Mutex(0)
        let load: @Sendable (String) -> @Sendable () async throws -> String = { key in
            { loads.withLock { $0 += 1 }; return key + "\(loads.withLock { $0 })" }
        }
        #expect(try await cache.value(for: "a", load: load("a")) == "a1")
        #expect(try await cache.value(for: "b", load: load("b")) == "b2")
        clock.advance(29)
        #expect(try await cache.value(for: "a", load: load("a")) == "a1")
        clock.advance(1)
        #expect(try await cache.value(for: "a", load: load("a")) == "a3")
    }

    @Test func aFailedLoadIsSharedButNotKept() async throws {
        struct Down: Error {}
        let cache = TimedCache<Int>(ttl: 30, now: { Date(timeIntervalSince1970: 0) })
        await #expect(throws: Down.self) { try await cache.value(for: "k") { throw Down() } }
        #expect(try await cache.value(for: "k") { 7 } == 7)
    }
}
