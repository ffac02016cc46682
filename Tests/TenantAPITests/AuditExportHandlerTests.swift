import AWSCore
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct AuditExportHandlerTests {
    @Test func exportsTheWindowUnderTheTenantsPrefix() async throws {
        let harness = TestHarness()
        let acme = try await harness.seedTenant("acme")
        for (offset, name) in [(-3600.0, "inside"), (-7200.0, "edge"), (-90_000.0, "before")] {
            let invocation = Invocation(
                invocationID: try InvocationID(validating: name), tenantID: acme.tenantID, appID: "a",
                agentName: try AgentName(validating: "echo-agent"), agentVersion: try SemanticVersion(validating: "1.0.0"),
                sessionID: try SessionID(validating: "s"), inputTokens: 1, outputTokens: 2, latencyMs: 3, status: .success,
                runtimeRegion: .defaultRuntime, invocationMode: .sync, timestamp: TestHarness.now.addingTimeInterval(offset))
            try await harness.controlPlane.put(invocation, table: "platform-invocations", guard: .none)
        }
        #expect(await harness.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": "acme"], as: .platformAdmin).status == 200)
        let start = DynamoDBItemTimestamp.string(from: TestHarness.now.addingTimeInterval(-7200))
        let end = DynamoDBItemTimestamp.string(from: TestHarness.now.addingTimeInterval(1))
        let response = await harness.call("GET", "/v1/tenants/{tenantId}/audit-export", path: ["tenantId": "acme"],
                                          query: ["start": start, "end": end], as: .platformOperator)
        #expect(response.status == 200)
        #expect(response.json["expiresAt"] as? String == "2026-11-25T13:34:56.789Z")
        let (key, body) = try #require(harness.objects.all.first)
        #expect(key.hasPrefix("tenants/acme/audit-exports/20261125T123456789Z-"))
        #expect((response.json["downloadUrl"] as? String)?.contains(key) == true)
        let lines = String(decoding: body, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.filter { $0.contains(#""recordType":"invocation""#) }.count == 2)
        #expect(lines.contains { $0.contains(#""operation":"tenant.suspend""#) })
        #expect(!lines.contains { $0.contains("before") })
    }

    @Test func exportRules() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        let window = ["start": "2026-11-01T00:00:00.000Z", "end": "2026-11-02T00:00:00.000Z"]
        for caller in [TestCaller.tenantAdmin("acme"), .user("acme"), .tenantAdmin("globex"), .machine("acme")] {
            #expect(await harness.call("GET", "/v1/tenants/{tenantId}/audit-export", path: ["tenantId": "acme"], query: window, as: caller).status == 403)
        }
        #expect(harness.objects.all.isEmpty)
        let reversed = ["start": window["end"]!, "end": window["start"]!]
        #expect(await harness.call("GET", "/v1/tenants/{tenantId}/audit-export", path: ["tenantId": "acme"], query: reversed, as: .platformAdmin).detailFields == ["end"])
        #expect(await harness.call("GET", "/v1/tenants/{tenantId}/audit-export", path: ["tenantId": "acme"], query: ["start": "yesterday"], as: .platformAdmin).detailFields == ["start", "end"])
        #expect(await harness.call("GET", "/v1/tenants/{tenantId}/audit-export", path: ["tenantId": "nobody"], query: window, as: .platformAdmin).status == 404)
    }
}
