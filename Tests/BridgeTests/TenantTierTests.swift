@testable import Bridge
import DataAccess
import FoundationEssentials
import Testing

/// The tenant row decides tier and status; a token's `tier` claim never does.
@Suite struct TenantTierTests {
    @Test func aPremiumClaimOnABasicTenantGetsBasicAgentsOnly() async throws {
        let fixture = BridgeFixture()
        let list = RecordingSink(), detail = RecordingSink(), invoke = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event("GET", "/v1/agents", path: "/v1/agents", tier: .premium), sink: list)
        try await fixture.handler.handle(BridgeFixture.event(
            "GET", "/v1/agents/{agentName}", path: "/v1/agents/echo-agent-premium", tier: .premium,
            pathParameters: ["agentName": "echo-agent-premium"]), sink: detail)
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent-premium", body: #"{"input":"x"}"#, tier: .premium),
                                         sink: invoke)
        #expect(!list.body.contains("echo-agent-premium") && list.body.contains("echo-agent-async"))
        #expect(detail.body.contains(#"\"statusCode\":403"#) || detail.body.contains(#""statusCode":403"#))
        #expect(invoke.status == 403)
        #expect(fixture.runtime.calls.withLock { $0.isEmpty })
    }

    @Test func aBasicClaimOnAPremiumTenantGetsThePremiumAgent() async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.invoke("echo-agent-premium", body: #"{"input":"x"}"#,
                                                              tenant: BridgeFixture.premium, tier: .basic), sink: sink)
        #expect(sink.status == 200)
    }

    @Test func aSuspendedTenantSeesNoCatalogue() async throws {
        let fixture = BridgeFixture()
        fixture.data.tables.withLock { $0.tenants["acme-basic"]?.status = .suspended }
        let list = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event("GET", "/v1/agents", path: "/v1/agents"), sink: list)
        #expect(list.body.contains(#""statusCode":403"#))
    }
}
