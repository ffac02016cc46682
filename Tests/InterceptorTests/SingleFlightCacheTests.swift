import DataAccess
import FoundationEssentials
import InterceptorKit
import Synchronization
import Testing

@Suite struct SingleFlightCacheTests {
    let clock = ManualClock()
    let loads = Counter()

    func load(_ value: String?) -> @Sendable () async throws -> String? {
        let loads = loads
        return {
            _ = loads.next()
            return value
        }
    }

    @Test func cachesValuesAndAbsencesForTheirLifetime() async throws {
        let cache = SingleFlightCache<String, String>(ttl: 30, now: clock.function)
        #expect(try await cache.value(for: "a", load: load("one")) == "one")
        #expect(try await cache.value(for: "b", load: load(nil)) == nil)
        clock.advance(29)
        #expect(try await cache.value(for: "a", load: load("two")) == "one")
        #expect(try await cache.value(for: "b", load: load("late")) == nil, "an absence is cached too")
        #expect(loads.value == 2)
        clock.advance(1)
        #expect(try await cache.value(for: "a", load: load("two")) == "two")
    }

    @Test func neverCachesAFailure() async throws {
        struct Failure: Error {}
        let cache = SingleFlightCache<String, String>(ttl: 30, now: clock.function)
        await #expect(throws: Failure.self) { try await cache.value(for: "a") { throw Failure() } }
        #expect(try await cache.value(for: "a", load: load("one")) == "one")
    }

    @Test func concurrentMissesShareOneLoad() async throws {
        let cache = SingleFlightCache<String, String>(ttl: 30, now: clock.function)
        let gate = Gate()
        let loads = loads
        let results = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await cache.value(for: "a") {
                        _ = loads.next()
                        await gate.wait()
                        return "one"
                    }
                }
            }
            // Let every task reach the cache before the load finishes.
            while loads.value < 1 { await Task.yield() }
            for _ in 0..<50 { await Task.yield() }
            await gate.open()
            var results: [String?] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results == Array(repeating: "one", count: 8))
        #expect(loads.value == 1)
    }

    @Test func staysWithinItsCapacity() async throws {
        let cache = SingleFlightCache<Int, String>(ttl: 30, capacity: 3, now: clock.function)
        for key in 0..<3 { _ = try await cache.value(for: key, load: load("v")) }
        #expect(await cache.count == 3)
        clock.advance(31)
        _ = try await cache.value(for: 3, load: load("v"))
        #expect(await cache.count == 1, "expired entries go first")
        for key in 4..<6 { _ = try await cache.value(for: key, load: load("v")) }
        _ = try await cache.value(for: 6, load: load("v"))
        #expect(await cache.count == 1, "then everything")
        #expect(try await cache.value(for: 6, load: load("new")) == "v")
    }

    @Test func aZeroLifetimeCachesNothing() async throws {
        let cache = SingleFlightCache<String, String>(ttl: 0, now: clock.function)
        _ = try await cache.value(for: "a", load: load("one"))
        #expect(try await cache.value(for: "a", load: load("two")) == "two")
        #expect(await cache.count == 0)
    }
}

/// A one-shot gate: `wait()` suspends until `open()`.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}
