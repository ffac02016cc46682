import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct ReportsHandlerTests {
    func invocation(_ tenant: String, _ agent: String, _ status: InvocationStatus, minutesAgo: Double,
                    mode: InvocationMode = .sync) throws -> Invocation {
        Invocation(invocationID: InvocationID(UUID()), tenantID: try TenantID(validating: tenant), appID: "\(tenant)-app",
                   agentName: try AgentName(validating: agent), agentVersion: try SemanticVersion(validating: "1.0.0"),
                   sessionID: try SessionID(validating: String(repeating: "s", count: 40)), inputTokens: 10,
                   outputTokens: 20, latencyMs: 100, status: status, runtimeRegion: .defaultRuntime, invocationMode: mode,
                   timestamp: TestHarness.now.addingTimeInterval(-minutesAgo * 60))
    }

    func seed(_ harness: TestHarness) async throws {
        try await harness.seedTenant("acme")
        try await harness.seedTenant("globex")
        let rows = [
            try invocation("acme", "echo-agent", .success, minutesAgo: 1),
            try invocation("acme", "echo-agent", .throttled, minutesAgo: 2),
            try invocation("acme", "echo-agent", .success, minutesAgo: 60 * 25),
            try invocation("globex", "echo-agent", .success, minutesAgo: 3),
            try invocation("globex", "echo-agent-async", .error, minutesAgo: 4, mode: .async),
            try invocation("globex", "echo-agent", .success, minutesAgo: 5),
        ]
        for row in rows { try await harness.controlPlane.put(row, table: "platform-invocations", guard: .none) }
    }

    @Test func topTenantsRanksTheWindowOnly() async throws {
        let harness = TestHarness()
        try await seed(harness)
        let answer = await harness.call("GET", "/v1/platform/reports/top-tenants", query: ["by": "invocations"], as: .platformOperator)
        #expect(answer.status == 200)
        let items = try #require(answer.json["items"] as? [[String: Any]])
        #expect(items.map { $0["tenantId"] as? String } == ["globex", "acme"])
        #expect((items[1]["usage"] as? [String: Any])?["invocations"] as? Int == 2)
        #expect((items[1]["usage"] as? [String: Any])?["errorRate"] as? Double == 0.5)
        let wide = await harness.call("GET", "/v1/platform/reports/top-tenants", query: ["hours": "48", "limit": "1"], as: .platformAdmin)
        #expect((wide.json["items"] as? [[String: Any]])?.map { $0["tenantId"] as? String } == ["acme"])
        #expect(await harness.call("GET", "/v1/platform/reports/top-tenants", query: ["hours": "0"], as: .platformAdmin).detailFields == ["hours"])
        #expect(await harness.call("GET", "/v1/platform/reports/top-tenants", as: .tenantAdmin("acme")).status == 403)
        let audits = try await harness.audits()
        #expect(audits.map(\.operation) == Array(repeating: "report.top_tenants", count: 4))
        #expect(audits.map(\.outcome) == [.succeeded, .succeeded, .failed, .denied])
    }

    @Test func errorRateSplitsBridgeAndAsyncRunner() async throws {
        let harness = TestHarness()
        try await seed(harness)
        let answer = await harness.call("GET", "/v1/platform/reports/error-rate", as: .platformOperator)
        let items = try #require(answer.json["items"] as? [[String: Any]])
        #expect(items.map { "\($0["function"]!)/\($0["agentName"]!)" } == ["async-runner/echo-agent-async", "bridge/echo-agent"])
    }

    @Test func invocationReportNeedsAnExistingTenant() async throws {
        let harness = TestHarness()
        try await seed(harness)
        let answer = await harness.call("GET", "/v1/platform/tenants/{tenantId}/invocations", path: ["tenantId": "acme"],
                                        as: .platformOperator)
        #expect(answer.status == 200)
        #expect(answer.json["byStatus"] as? [String: Int] == ["success": 1, "throttled": 1])
        #expect(await harness.call("GET", "/v1/platform/tenants/{tenantId}/invocations", path: ["tenantId": "nobody"],
                                   as: .platformOperator).status == 404)
        #expect(await harness.call("GET", "/v1/platform/tenants/{tenantId}/sessions", path: ["tenantId": "acme"],
                                   as: .user("acme")).status == 403)
        #expect(try await harness.audits().map(\.targetTenant?.rawValue) == ["acme", "nobody", "acme"])
    }
}
