@testable import Bridge
import AgentInvocation
import AWSCore
import FoundationEssentials
import Testing

@Suite struct RuntimeRegionCacheTests {
    @Test func aFailedReadServesTheLastKnownRegionAndRetriesAfterFiveSeconds() async throws {
        let fixture = BridgeFixture()
        let regions = fixture.dependencies.failover.regions
        #expect(try await regions.current() == "eu-west-1")
        fixture.data.tables.withLock { $0.parameterReadsFail = true }
        fixture.clock.advance(61)
        #expect(try await regions.current() == "eu-west-1", "stale, not an error")
        let reads = fixture.data.tables.withLock { $0.parameterReads }
        fixture.clock.advance(4)
        #expect(try await regions.current() == "eu-west-1")
        #expect(fixture.data.tables.withLock { $0.parameterReads } == reads, "no read before the retry is due")
        fixture.data.tables.withLock { $0.parameterReadsFail = false; $0.parameters[RuntimeRegionCache.parameterName] = "eu-central-1" }
        fixture.clock.advance(1)
        #expect(try await regions.current() == "eu-central-1", "a successful read replaces the stale region")
    }

    @Test func withoutAnyRegionReadTheErrorIsThrown() async throws {
        let fixture = BridgeFixture()
        fixture.data.tables.withLock { $0.parameterReadsFail = true }
        await #expect(throws: AWSError.self) { try await fixture.dependencies.failover.regions.current() }
    }

    @Test func invocationsKeepWorkingWhileSSMThrottles() async throws {
        let fixture = BridgeFixture()
        let handler = fixture.handler
        let first = RecordingSink(), second = RecordingSink()
        try await handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: first)
        fixture.data.tables.withLock { $0.parameterReadsFail = true }
        fixture.clock.advance(120)
        try await handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: second)
        #expect(first.status == 200 && second.status == 200)
        #expect(fixture.runtime.calls.withLock { $0.map(\.region) } == ["eu-west-1", "eu-west-1"])
    }

    @Test func anUnreadableRegionWithNothingCachedIs503BeforeAnyCall() async throws {
        let fixture = BridgeFixture()
        fixture.data.tables.withLock { $0.parameterReadsFail = true }
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: sink)
        #expect(sink.status == 503)
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
        #expect(fixture.data.tables.withLock { $0.sessions.isEmpty })
    }
}
