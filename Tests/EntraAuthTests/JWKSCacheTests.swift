import FoundationEssentials
import Synchronization
import Testing
@testable import EntraAuth

/// A key-set endpoint whose answer each test sets, counting fetches.
final class FakeKeySource: Sendable {
    private let state = Mutex<(answer: Result<[String: String], EntraAuthError>, calls: Int)>((.success([:]), 0))

    func answer(_ result: Result<[String: String], EntraAuthError>) { state.withLock { $0.answer = result } }
    var calls: Int { state.withLock { $0.calls } }

    func fetch() throws(EntraAuthError) -> [String: String] {
        let answer = state.withLock { state in
            state.calls += 1
            return state.answer
        }
        return try answer.get()
    }
}

@Suite struct JWKSCacheTests {
    let clock = TestClock()
    let source = FakeKeySource()

    func cache() -> JWKSCache<String> {
        let source = source
        return JWKSCache(lifetime: .seconds(300), minimumInterval: .seconds(30)) {
            () throws(EntraAuthError) -> [String: String] in try source.fetch()
        }
    }

    @Test func fetchesOnceAndServesFromCacheWithinTheLifetime() async throws {
        source.answer(.success(["k1": "key1"]))
        let cache = cache()
        #expect(try await cache.key(for: "k1", at: clock.now) == "key1")
        clock.advance(299)
        #expect(try await cache.key(for: "k1", at: clock.now) == "key1")
        #expect(source.calls == 1)
    }

    @Test func refreshesAfterTheLifetime() async throws {
        source.answer(.success(["k1": "old"]))
        let cache = cache()
        _ = try await cache.key(for: "k1", at: clock.now)
        source.answer(.success(["k1": "new"]))
        clock.advance(300)
        #expect(try await cache.key(for: "k1", at: clock.now) == "new")
        #expect(source.calls == 2)
    }

    @Test func refetchesAnUnknownKidAtMostOncePer30Seconds() async throws {
        source.answer(.success(["k1": "key1"]))
        let cache = cache()
        _ = try await cache.key(for: "k1", at: clock.now)
        await #expect(throws: EntraAuthError.unknownKey) { try await cache.key(for: "k2", at: clock.now) }
        #expect(source.calls == 1, "the first fetch was less than 30 s ago")
        clock.advance(30)
        source.answer(.success(["k1": "key1", "k2": "key2"]))
        #expect(try await cache.key(for: "k2", at: clock.now) == "key2")
        #expect(source.calls == 2)
        clock.advance(10)
        await #expect(throws: EntraAuthError.unknownKey) { try await cache.key(for: "k3", at: clock.now) }
        #expect(source.calls == 2)
    }

    @Test func keepsServingKnownKeysThroughAnOutage() async throws {
        source.answer(.success(["k1": "key1"]))
        let cache = cache()
        _ = try await cache.key(for: "k1", at: clock.now)
        source.answer(.failure(.keySetUnavailable))
        clock.advance(600)
        #expect(try await cache.key(for: "k1", at: clock.now) == "key1")
        await #expect(throws: EntraAuthError.unknownKey) { try await cache.key(for: "k9", at: clock.now) }
        #expect(await cache.failedFetches == 1)
    }

    @Test func reportsUnavailableWhenNothingWasEverFetched() async {
        source.answer(.failure(.keySetUnavailable))
        let cache = cache()
        await #expect(throws: EntraAuthError.keySetUnavailable) { try await cache.key(for: "k1", at: clock.now) }
        await #expect(throws: EntraAuthError.keySetUnavailable) { try await cache.key(for: "k1", at: clock.now) }
        #expect(source.calls == 1, "a failed fetch is not retried within 30 s")
    }

    @Test func concurrentMissesShareOneFetch() async throws {
        source.answer(.success(["k1": "key1"]))
        let cache = cache()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.key(for: "k1", at: clock.now) } }
            for try await key in group { #expect(key == "key1") }
        }
        #expect(source.calls == 1)
    }
}
