@testable import Bridge
import AgentInvocation
import DataAccess
import FoundationEssentials
import Testing

/// Tenant-bound runtime sessions (ADR 0026) and the recording rules (ADR 0027).
@Suite struct InvokeSessionTests {
    static let handle = "shared-handle-0123456789abcdefghijklmnop"

    private func invoke(_ fixture: BridgeFixture, _ agent: String = "echo-agent", session: String = handle,
                        tenant: TenantID = BridgeFixture.basic, tier: Tier = .basic, subject: String = "user",
                        headers: [String: String] = [:]) async throws -> RecordingSink {
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke(
            agent, body: #"{"input":"hi","sessionId":"\#(session)"}"#, tenant: tenant, tier: tier, subject: subject,
            headers: headers), sink: sink)
        return sink
    }

    @Test func twoTenantsWithTheSameHandleGetDifferentRuntimeSessions() async throws {
        let fixture = BridgeFixture()
        let acme = try await invoke(fixture)
        let globex = try await invoke(fixture, tenant: BridgeFixture.premium, tier: .premium)
        #expect(acme.status == 200 && globex.status == 200)
        let sent = fixture.runtime.calls.withLock { $0.map(\.sessionID) }
        #expect(sent.count == 2 && sent[0] != sent[1], "one handle, two tenants, two runtime sessions")
        #expect(!sent.contains(Self.handle), "the client's handle never goes upstream")
        #expect(sent.allSatisfy { $0.count == 64 })
        #expect(acme.headers["X-Session-Id"] == Self.handle && acme.body.contains(#""sessionId":"\#(Self.handle)""#))
        let handle = try SessionID(clientHandle: Self.handle)
        #expect(sent[0] == RuntimeSessionID.derive(tenant: BridgeFixture.basic, handle: handle, key: FakeSessionKey.bytes))
        let rows = fixture.data.tables.withLock { $0.sessions }
        let row = try #require(rows["acme-basic/\(Self.handle)"])
        #expect(row.subject == "user" && row.agentName.rawValue == "echo-agent" && row.runtimeSessionID == sent[0])
        #expect(row.createdAt == BridgeFixture.now && row.lastUsedAt == BridgeFixture.now)
        #expect(row.ttl == EpochSeconds(BridgeFixture.now.addingTimeInterval(86_400)))
        #expect(rows["globex-premium/\(Self.handle)"]?.runtimeSessionID == sent[1])
        #expect(fixture.runtime.calls.withLock { $0.first?.payload["sessionId"] } == .string(Self.handle))
    }

    @Test func derivationDependsOnTenantHandleAndKey() throws {
        let handle = try SessionID(clientHandle: Self.handle)
        let other = try SessionID(clientHandle: Self.handle + "x")
        let key = FakeSessionKey.bytes
        let id = RuntimeSessionID.derive(tenant: BridgeFixture.basic, handle: handle, key: key)
        #expect(id == RuntimeSessionID.derive(tenant: BridgeFixture.basic, handle: handle, key: key))
        #expect(id != RuntimeSessionID.derive(tenant: BridgeFixture.premium, handle: handle, key: key))
        #expect(id != RuntimeSessionID.derive(tenant: BridgeFixture.basic, handle: other, key: key))
        #expect(id != RuntimeSessionID.derive(tenant: BridgeFixture.basic, handle: handle, key: key.reversed()))
        #expect(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        // Known answer, from Python's hmac: HMAC-SHA256(key, "acme-basic\n" + handle).
        #expect(id == "9a2f2960b99faf06d6f9ce2a3f0c02c3d84e01122493a494c512f3d46ee157f9")
    }

    @Test func reusingAHandleKeepsTheRuntimeSessionAndMarksItUsed() async throws {
        let fixture = BridgeFixture()
        _ = try await invoke(fixture)
        fixture.clock.advance(120)
        let again = try await invoke(fixture)
        #expect(again.status == 200)
        let sent = fixture.runtime.calls.withLock { $0.map(\.sessionID) }
        #expect(sent.count == 2 && sent[0] == sent[1])
        let row = try #require(fixture.data.tables.withLock { $0.sessions["acme-basic/\(Self.handle)"] })
        #expect(row.createdAt == BridgeFixture.now && row.lastUsedAt == BridgeFixture.now.addingTimeInterval(120))
        #expect(row.expiresAt == row.lastUsedAt.addingTimeInterval(900))
    }

    @Test func anotherUserOrAgentOfTheTenantCannotJoinTheSession() async throws {
        let fixture = BridgeFixture()
        _ = try await invoke(fixture)
        let otherUser = try await invoke(fixture, subject: "someone-else")
        let otherAgent = try await invoke(fixture, "echo-agent-async")
        #expect(otherUser.status == 409 && otherAgent.status == 409)
        #expect(otherUser.body.contains("CONFLICT"))
        #expect(fixture.runtime.calls.withLock { $0.count } == 1, "neither reached the runtime")
        #expect(fixture.data.tables.withLock { $0.invocations.count } == 1)
        #expect(fixture.data.tables.withLock { $0.sessions["acme-basic/\(Self.handle)"]?.subject } == "user")
    }

    @Test func aSessionThatCannotBeRecordedIsRefusedBeforeInvoking() async throws {
        let fixture = BridgeFixture()
        fixture.data.tables.withLock { $0.sessionWritesFail = true }
        let sink = try await invoke(fixture, headers: ["Idempotency-Key": "k-1"])
        #expect(sink.status == 500)
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
        #expect(fixture.data.tables.withLock { $0.idempotency.isEmpty }, "the key is released for a retry")
    }

    @Test func anUnavailableSessionKeyIs503BeforeInvoking() async throws {
        var fixture = BridgeFixture()
        fixture.sessionKey = FakeSessionKey(failing: true)
        let sink = try await invoke(fixture)
        #expect(sink.status == 503)
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
        #expect(fixture.data.tables.withLock { $0.sessions.isEmpty })
        #expect(fixture.logs.lines.withLock { $0 }.contains { $0.contains("runtime session key unavailable") })
    }

    @Test func aGeneratedHandleIsRecordedAndReturned() async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#), sink: sink)
        let handle = try #require(sink.headers["X-Session-Id"])
        #expect((try? SessionID(clientHandle: handle)) != nil)
        #expect(fixture.data.tables.withLock { $0.sessions["acme-basic/\(handle)"] } != nil)
        #expect(fixture.data.tables.withLock { $0.invocations.first?.sessionID.rawValue } == handle)
    }

    @Test(arguments: [129, 200, 256])
    func everyContractSessionIdIsRecorded(length: Int) async throws {
        let fixture = BridgeFixture()
        let handle = "S" + String(repeating: "a", count: length - 1)
        let sink = try await invoke(fixture, session: handle)
        #expect(sink.status == 200)
        let records = fixture.data.tables.withLock { $0.invocations }
        #expect(records.count == 1 && records.first?.sessionID.rawValue == handle)
        #expect(fixture.data.tables.withLock { $0.sessions["acme-basic/\(handle)"] } != nil)
    }

    @Test func aRegionParameterThatIsNotARegionIsRefusedBeforeInvoking() async throws {
        let fixture = BridgeFixture()
        fixture.data.tables.withLock { $0.parameters[RuntimeRegionCache.parameterName] = "not a region" }
        let sink = try await invoke(fixture)
        #expect(sink.status == 503)
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
    }

    @Test func asyncJobsKeepTheDerivedRuntimeSession() async throws {
        let fixture = BridgeFixture(runtime: FakeRuntime { _ in .answer(#"{"accepted":true,"taskId":"task-1"}"#) })
        let sink = try await invoke(fixture, "echo-agent-async")
        #expect(sink.status == 202)
        let event = try #require(fixture.starter.events.withLock { $0.first })
        let handle = try SessionID(clientHandle: Self.handle)
        let derived = RuntimeSessionID.derive(tenant: BridgeFixture.basic, handle: handle, key: FakeSessionKey.bytes)
        #expect(event.runtimeSessionId == derived)
        #expect(fixture.data.tables.withLock { $0.jobs["acme-basic/\(event.jobId)"]?.runtimeSessionID } == derived)
    }
}
