@testable import Bridge
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import Testing

@Suite struct AsyncInvokeTests {
    @Test func asyncAgentWritesAPendingJobStartsTheRunnerAndAnswers202() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .answer(#"{"accepted":true,"taskId":"task-1"}"#) })
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent-async", body: #"{"input":"job"}"#,
                                                              headers: ["Accept": "text/event-stream"]), sink: sink)
        #expect(sink.status == 202)
        #expect(sink.body.contains("\"status\":\"accepted\""))
        #expect(sink.body.contains("\"webhookDelivery\":\"not_registered\""))
        let call = try #require(fixture.runtime.calls.withLock { $0.first })
        #expect(call.payload["async"] == .bool(true))
        #expect(call.payload["mode"] == .string("async"))
        let event = try #require(fixture.starter.events.withLock { $0.first })
        #expect(event.taskId == "task-1")
        #expect(event.region == "eu-west-1")
        #expect(event.runtimeSessionId == call.sessionID)
        let job = try #require(fixture.data.tables.withLock { $0.jobs["acme-basic/\(event.jobId)"] })
        #expect(job.status == .pending)
        #expect(job.runtimeSessionID == call.sessionID)
        #expect(sink.body.contains("\"pollUrl\":\"/v1/jobs/\(event.jobId)\""))
    }

    @Test func unknownWebhookIs422AndWritesNoJob() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .answer(#"{"accepted":true,"taskId":"task-1"}"#) })
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent-async", body: #"{"input":"job","webhookId":"nope"}"#),
                                         sink: sink)
        #expect(sink.status == 422)
        #expect(fixture.data.tables.withLock { $0.jobs.isEmpty })
    }

    @Test func agentRefusingTheTaskLeavesTheJobFailed() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .answer(#"{"error":{"code":"INVALID_INPUT"}}"#) })
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent-async", body: #"{"input":"job"}"#), sink: sink)
        #expect(sink.status == 502)
        let jobs = fixture.data.tables.withLock { Array($0.jobs.values) }
        #expect(jobs.count == 1)
        #expect(jobs.first?.status == .failed)
        #expect(fixture.starter.events.withLock { $0.isEmpty })
    }

    @Test func idempotentRepeatReturnsTheSameJobAndDifferentBodyIs422() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .answer(#"{"accepted":true,"taskId":"task-1"}"#) })
        let handler = fixture.handler
        let first = RecordingSink(), second = RecordingSink(), other = RecordingSink()
        let headers = ["Idempotency-Key": "key-1"]
        try await handler.handle(BridgeFixture.invoke("echo-agent-async", body: #"{"input":"job"}"#, headers: headers), sink: first)
        try await handler.handle(BridgeFixture.invoke("echo-agent-async", body: #"{"input":"job"}"#, headers: headers), sink: second)
        try await handler.handle(BridgeFixture.invoke("echo-agent-async", body: #"{"input":"other"}"#, headers: headers), sink: other)
        #expect(first.status == 202)
        #expect(second.status == 202)
        #expect(second.body == first.body)
        #expect(other.status == 422)
        #expect(fixture.runtime.calls.withLock { $0.count } == 1)
    }

    @Test func streamedOriginalIsReplayedAsJSON() async throws {
        let runtime = FakeRuntime { _ in
            .chunks(["data: {\"type\":\"done\",\"output\":\"echo: hi\",\"usage\":{\"inputTokens\":1,\"outputTokens\":2}}\n\n"],
                    thenFail: nil)
        }
        let fixture = BridgeFixture(runtime: runtime)
        let headers = ["Idempotency-Key": "stream-1", "Accept": "text/event-stream"]
        let first = RecordingSink(), repeated = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#, headers: headers), sink: first)
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#, headers: headers), sink: repeated)
        #expect(first.headers["Content-Type"] == "text/event-stream")
        #expect(repeated.headers["Content-Type"] == "application/json")
        #expect(repeated.body.contains("\"mode\":\"streaming\""))
        #expect(repeated.body.contains("\"output\":\"echo: hi\""))
    }
}
