@testable import Bridge
import PlatformJSON
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import Testing

@Suite struct InvokeHandlerTests {
    private func json(_ text: String) throws -> JSONObject {
        guard case .object(let fields) = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw CancellationError()
        }
        return fields
    }

    @Test func syncAnswersTheContractShapeAndRecordsTheInvocation() async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi","context":{"k":1}}"#),
                                         sink: sink)
        #expect(sink.status == 200)
        #expect(sink.headers["Content-Type"] == "application/json")
        let body = try json(sink.body)
        #expect(body["output"] == .string("echo: hi"))
        #expect(body["mode"] == .string("sync"))
        #expect(body["status"] == .string("success"))
        let usage = try #require(body["usage"]?.objectValue)
        #expect(Set(usage.keys) == ["inputTokens", "outputTokens", "latencyMs"])
        #expect(usage["inputTokens"] == .number(JSONNumber(1)))
        #expect(usage["outputTokens"] == .number(JSONNumber(2)))
        #expect(usage["latencyMs"] == .number(JSONNumber(0)))
        #expect(body["timestamp"] == .string("2026-11-18T11:06:40.000Z"))
        let call = try #require(fixture.runtime.calls.withLock { $0.first })
        #expect(call.region == "eu-west-1")
        #expect(call.payload["prompt"] == .string("hi"))
        #expect(call.payload["mode"] == .string("sync"))
        #expect(call.payload["tenantId"] == .string("acme-basic"))
        #expect(call.payload["context"] == .object(["k": .number(JSONNumber(1))]))
        #expect(call.payload["async"] == nil)
        #expect(call.sessionID.count == 64 && call.sessionID != sink.headers["X-Session-Id"])
        let records = fixture.data.tables.withLock { $0.invocations }
        #expect(records.count == 1)
        #expect(records.first?.status == .success)
        #expect(records.first?.invocationMode == .sync)
        #expect(records.first?.outputTokens == 2)
        #expect(fixture.metrics.lines.withLock { $0.first?["Invocations"] } == 1)
    }

    @Test func eventStreamAcceptStreamsEachEventAsItArrives() async throws {
        let runtime = FakeRuntime { _ in
            .chunks(["data: {\"type\":\"token\",\"text\":\"echo:\",\"index\":0}\n\n", "data: {\"type\":\"tok",
                     "en\",\"text\":\"hi\",\"index\":1}\n\n",
                     "data: {\"type\":\"done\",\"output\":\"echo: hi\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2}}\n\n"],
                    thenFail: nil)
        }
        let fixture = BridgeFixture(runtime: runtime)
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#,
                                                              headers: ["Accept": "text/event-stream"]), sink: sink)
        #expect(sink.status == 200)
        #expect(sink.headers["Content-Type"] == "text/event-stream")
        #expect(sink.writeCount == 3, "one write per complete event")
        #expect(sink.body.hasPrefix("data: {\"type\":\"token\",\"text\":\"echo:\",\"index\":0}\n\ndata: {\"type\":\"token\""))
        #expect(fixture.runtime.calls.withLock { $0.first?.payload["mode"] } == .string("streaming"))
        let record = try #require(fixture.data.tables.withLock { $0.invocations.first })
        #expect(record.invocationMode == .streaming)
        #expect(record.status == .success)
        #expect(record.inputTokens == 1)
    }

    @Test func streamClosedMidwayEndsWithAnErrorEventAndTrailer() async throws {
        let runtime = FakeRuntime { _ in
            .chunks(["data: {\"type\":\"token\",\"text\":\"echo:\",\"index\":0}\n\n"],
                    thenFail: TransportError.connectionLost(host: "agent", detail: "closed"))
        }
        let fixture = BridgeFixture(runtime: runtime)
        let sink = RecordingSink()
        await #expect(throws: InvokeHandler.StreamAborted.self) {
            try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#,
                                                                  headers: ["Accept": "text/event-stream"]), sink: sink)
        }
        #expect(sink.status == 200)
        #expect(sink.body.hasSuffix("event: error\ndata: {\"error\":{\"code\":\"RUNTIME_INVOCATION_FAILED\",\"message\":\"The agent runtime returned an error.\",\"requestId\":\"req-1\"}}\n\n"))
        #expect(fixture.data.tables.withLock { $0.invocations.first?.errorCode } == "RUNTIME_INVOCATION_FAILED")
    }

    @Test func streamWithoutDoneEventIsAnError() async throws {
        let runtime = FakeRuntime { _ in .chunks(["data: {\"type\":\"token\",\"text\":\"a\",\"index\":0}\n\n"], thenFail: nil) }
        let fixture = BridgeFixture(runtime: runtime)
        let sink = RecordingSink()
        await #expect(throws: InvokeHandler.StreamAborted.self) {
            try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#,
                                                                  headers: ["Accept": "text/event-stream"]), sink: sink)
        }
        #expect(sink.body.contains("event: error"))
        #expect(fixture.data.tables.withLock { $0.invocations.first?.status } == .error)
    }

    @Test(arguments: [
        (#"{"input":""}"#, "input"), (#"{"input":"x","sessionId":"short"}"#, "sessionId"),
        (#"{"input":"x","extra":1}"#, "extra"), (#"{"input":"x","context":[1]}"#, "context"),
        ("not json", "body"),
    ])
    func badInputIs400WithDetailsAndNoRuntimeCall(body: String, field: String) async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: body), sink: sink)
        #expect(sink.status == 400)
        #expect(sink.body.contains("\"field\":\"\(field)\""))
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
    }

    @Test func overLongInputIs400() async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        let input = String(repeating: "a", count: 50_001)
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: "{\"input\":\"\(input)\"}"), sink: sink)
        #expect(sink.status == 400)
        #expect(sink.body.contains("at most 50000 characters"))
    }

    @Test func garbageFromTheAgentIs502WithAnErrorRecord() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .answer("<html>oops</html>") })
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: sink)
        #expect(sink.status == 502)
        #expect(sink.body.contains("RUNTIME_INVOCATION_FAILED"))
        #expect(fixture.data.tables.withLock { $0.invocations.first?.status } == .error)
    }

    @Test func throttlingIs429WithRetryAfterAndAThrottledRecord() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .fail(FakeRuntime.throttled()) })
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: sink)
        #expect(sink.status == 429)
        #expect(sink.headers["Retry-After"] == "2")
        #expect(fixture.data.tables.withLock { $0.invocations.first?.status } == .throttled)
        #expect(fixture.runtime.calls.withLock { $0.count } == 1, "throttling is never retried")
    }

    @Test func unavailableRegionFailsOverOnceAndSucceeds() async throws {
        let runtime = FakeRuntime { call in
            call.region == "eu-west-1" ? .fail(FakeRuntime.unavailable()) : .answer(#"{"output":"ok"}"#)
        }
        let fixture = BridgeFixture(runtime: runtime)
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: sink)
        #expect(sink.status == 200)
        #expect(fixture.runtime.calls.withLock { $0.map(\.region) } == ["eu-west-1", "eu-central-1"])
        #expect(fixture.data.tables.withLock { $0.parameters[RuntimeRegionCache.parameterName] } == "eu-central-1")
        #expect(fixture.data.tables.withLock { $0.parameterWrites } == 1)
        #expect(fixture.data.tables.withLock { $0.locks.isEmpty }, "the lock is released")
        #expect(fixture.data.tables.withLock { $0.invocations.first?.runtimeRegion.rawValue } == "eu-central-1")
    }

    @Test func bothRegionsUnavailableIs503() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .fail(FakeRuntime.unavailable()) })
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: sink)
        #expect(sink.status == 503)
        #expect(fixture.runtime.calls.withLock { $0.count } == 2, "exactly one retry")
    }

    @Test func premiumAgentIs403ForBasicBeforeAnyCall() async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent-premium", body: #"{"input":"hi"}"#), sink: sink)
        #expect(sink.status == 403)
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
    }
}
