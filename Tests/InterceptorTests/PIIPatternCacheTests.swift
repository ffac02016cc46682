import FoundationEssentials
import LambdaEvents
import Synchronization
import Testing
@testable import ResponseInterceptor

/// An SSM stand-in whose answer each test sets, counting reads.
final class FakeParameterSource: ParameterSource {
    struct Failure: Error {}
    private let state = Mutex<(value: Result<String?, Failure>, reads: Int)>((.success(nil), 0))

    func answer(_ value: Result<String?, Failure>) { state.withLock { $0.value = value } }
    var reads: Int { state.withLock { $0.reads } }

    func parameter(named name: String) async throws -> String? {
        #expect(name == "/platform/gateway/pii-patterns/default")
        let value = state.withLock { state in
            state.reads += 1
            return state.value
        }
        return try value.get()
    }
}

@Suite struct PIIPatternCacheTests {
    let source = FakeParameterSource()
    let clock = ManualClock()

    func cache() -> PIIPatternCache { PIIPatternCache(source: source, now: clock.function) }

    @Test func addsSSMPatternsToTheBuiltInsAndCachesThemFor60Seconds() async {
        source.answer(.success(#"["secret-[0-9]+"]"#))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "secret-1 a@b.com"]) == ["r": "[REDACTED] [REDACTED]"])
        source.answer(.success(#"["token-[0-9]+"]"#))
        clock.advance(59)
        #expect(await cache.redactResponse(["r": "secret-1 token-2"]) == ["r": "[REDACTED] token-2"])
        #expect(source.reads == 1)
        clock.advance(1)
        #expect(await cache.redactResponse(["r": "secret-1 token-2 12-34-56"]) == ["r": "secret-1 [REDACTED] [REDACTED]"])
        #expect(source.reads == 2)
        #expect(await cache.lastFallbackReason == nil)
    }

    @Test(arguments: [nil, "[]"])
    func anAbsentOrEmptyListMeansTheBuiltIns(value: String?) async {
        source.answer(.success(value))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "a@b.com"]) == ["r": "[REDACTED]"])
        #expect(await cache.lastFallbackReason == nil)
    }

    @Test(arguments: ["not json", #"{"a":1}"#])
    func anUnreadableListMeansTheBuiltIns(value: String) async {
        source.answer(.success(value))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "a@b.com"]) == ["r": "[REDACTED]"])
        #expect(await cache.lastFallbackReason == "parameter is not a JSON list")
    }

    @Test func skipsTheEntriesItCannotUseAndKeepsTheRest() async {
        source.answer(.success(#"[1, "(unclosed", "secret-[0-9]+", "(a)\\1"]"#))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "secret-7 a@b.com"]) == ["r": "[REDACTED] [REDACTED]"])
        let reason = await cache.lastFallbackReason
        #expect(reason == "skipped entry 0 (not a string), entry 1 (unbalanced parenthesis at offset 9), entry 3 (back-references are not supported at offset 5)")
        #expect(reason?.contains("unclosed") == false, "the log names entries, never their text")
    }

    @Test func usesAtMost64AdditionalPatterns() async {
        let list = (0..<70).map { #""p\#($0)x""# }.joined(separator: ",")
        source.answer(.success("[\(list)]"))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "p63x p64x"]) == ["r": "[REDACTED] p64x"])
        #expect(await cache.lastFallbackReason == "skipped entries from 64 (more than 64)")
    }

    @Test func keepsTheLastGoodPatternsWhenSSMFails() async {
        source.answer(.success(#"["secret-[0-9]+"]"#))
        let cache = cache()
        _ = await cache.redactResponse(["r": ""])
        source.answer(.failure(.init()))
        clock.advance(61)
        #expect(await cache.redactResponse(["r": "secret-9 a@b.com"]) == ["r": "[REDACTED] [REDACTED]"])
        #expect(await cache.lastFallbackReason == "parameter read failed")
    }

    @Test func usesTheBuiltInsWhenSSMFailsFromTheStart() async {
        source.answer(.failure(.init()))
        #expect(await cache().redactResponse(["r": "12-34-56"]) == ["r": "[REDACTED]"])
    }
}

/// A settable clock for tests.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var function: @Sendable () -> Date { { self.now } }
}
