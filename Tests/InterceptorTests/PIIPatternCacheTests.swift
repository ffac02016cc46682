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

    @Test func usesSSMPatternsAndCachesThemFor60Seconds() async {
        source.answer(.success(#"["secret-[0-9]+"]"#))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "secret-1 a@b.com"]) == ["r": "[REDACTED] a@b.com"])
        source.answer(.success(#"["a@b\\.com"]"#))
        clock.advance(59)
        #expect(await cache.redactResponse(["r": "secret-1"]) == ["r": "[REDACTED]"])
        #expect(source.reads == 1)
        clock.advance(1)
        #expect(await cache.redactResponse(["r": "secret-1 a@b.com"]) == ["r": "secret-1 [REDACTED]"])
        #expect(source.reads == 2)
    }

    @Test(arguments: [nil, "not json", "[]", #"{"a":1}"#, #"[1]"#, #"["(unclosed"]"#])
    func fallsBackToTheBuiltInsWhenAbsentOrInvalid(value: String?) async {
        source.answer(.success(value))
        let cache = cache()
        #expect(await cache.redactResponse(["r": "a@b.com"]) == ["r": "[REDACTED]"])
        #expect(await cache.lastFallbackReason != nil)
    }

    @Test func keepsTheLastGoodPatternsWhenSSMFails() async {
        source.answer(.success(#"["secret-[0-9]+"]"#))
        let cache = cache()
        _ = await cache.redactResponse(["r": ""])
        source.answer(.failure(.init()))
        clock.advance(61)
        #expect(await cache.redactResponse(["r": "secret-9 a@b.com"]) == ["r": "[REDACTED] a@b.com"])
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
