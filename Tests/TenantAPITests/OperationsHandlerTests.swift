import AWSCore
import DataAccess
import Foundation
import LambdaEvents
import Synchronization
import Testing
@testable import TenantAPI

@Suite struct OperationsHandlerTests {
    func lock(_ harness: TestHarness, id: String, expiresIn seconds: TimeInterval) async throws {
        let lock = OpsLock(lockName: OpsLock.runtimeFailover, lockID: id, owner: "ops",
                           now: TestHarness.now.addingTimeInterval(seconds - 300))
        try await harness.controlPlane.put(lock, table: "platform-ops-locks", guard: .none)
    }

    func failover(_ harness: TestHarness, lockID: String, region: String = "eu-central-1") async -> TestHarness.Response {
        await harness.call("POST", "/v1/platform/failover", body: #"{"region":"\#(region)","lockId":"\#(lockID)","reason":"503s"}"#,
                           as: .platformOperator)
    }

    @Test func failoverNeedsTheLiveLock() async throws {
        let harness = TestHarness()
        #expect(await failover(harness, lockID: "mine").errorCode == "LOCK_NOT_HELD")
        try await lock(harness, id: "mine", expiresIn: -5)
        #expect(await failover(harness, lockID: "mine").errorCode == "LOCK_EXPIRED")
        try await lock(harness, id: "theirs", expiresIn: 120)
        #expect(await failover(harness, lockID: "mine").errorCode == "LOCK_MISMATCH")
        #expect(harness.parameters.value("/platform/config/runtime-region") == "eu-west-1")
        try await lock(harness, id: "mine", expiresIn: 120)
        let flipped = await failover(harness, lockID: "mine")
        #expect(flipped.status == 200)
        #expect(flipped.json["changed"] as? Bool == true)
        #expect(flipped.json["previousRegion"] as? String == "eu-west-1")
        #expect(harness.parameters.value("/platform/config/runtime-region") == "eu-central-1")
        #expect(await failover(harness, lockID: "mine").json["changed"] as? Bool == false)
        #expect(await failover(harness, lockID: "mine", region: "us-east-1").detailFields == ["region"])
        let audits = try await harness.audits()
        #expect(audits.count == 6 && audits.allSatisfy { $0.operation == "runtime.failover" })
        #expect(audits.filter { $0.outcome == .succeeded }.count == 2)
    }

    @Test func suspendAndReinstateAreIdempotentAndAudited() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        let suspend = await harness.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": "acme"],
                                         body: #"{"reason":"INC-1"}"#, as: .platformOperator)
        #expect(suspend.status == 200)
        #expect(suspend.json["previousStatus"] as? String == "active" && suspend.json["status"] as? String == "suspended")
        let again = await harness.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": "acme"], as: .platformOperator)
        #expect(again.status == 200 && again.json["previousStatus"] as? String == "suspended")
        let reinstate = await harness.call("POST", "/v1/platform/tenants/{tenantId}/reinstate", path: ["tenantId": "acme"], as: .platformAdmin)
        #expect(reinstate.json["status"] as? String == "active")
        #expect(harness.events.all.map(\.detail.reason) == ["INC-1", nil])
        #expect(harness.events.all.allSatisfy { $0.detailType == .tenantUpdated })
        #expect(try await harness.audits().map(\.targetTenant?.rawValue) == ["acme", "acme", "acme"])
        try await harness.seedTenant("platform")
        #expect(await harness.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": "platform"], as: .platformAdmin).status == 403)
        try await harness.seedTenant("gone", status: .deleted)
        #expect(await harness.call("POST", "/v1/platform/tenants/{tenantId}/reinstate", path: ["tenantId": "gone"], as: .platformAdmin).status == 409)
        #expect(await harness.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": "acme"], as: .tenantAdmin("acme")).status == 403)
        #expect(await harness.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": "acme"], body: #"{"why":1}"#, as: .platformAdmin).detailFields == ["why"])
    }

    @Test func billingStatusListsTheMonthsSummaries() async throws {
        let harness = TestHarness()
        for (id, cost) in [("globex", 2.5), ("acme", 41.7)] {
            let summary = try BillingSummary(tenantID: try TenantID(validating: id), yearMonth: YearMonth(containing: TestHarness.now), now: TestHarness.now)
                .recording(DailyUsage(inputTokens: 100, outputTokens: 50, costUSD: cost), on: TestHarness.now, now: TestHarness.now)
            try await harness.controlPlane.put(summary, table: "platform-tenants", guard: .none)
        }
        let response = await harness.call("GET", "/v1/platform/billing/status", as: .platformOperator)
        #expect(response.json["yearMonth"] as? String == "2026-11")
        #expect(response.items.map { $0["tenantId"] as? String } == ["acme", "globex"])
        #expect(response.items.first?["totalCostUsd"] as? Double == 41.7)
        #expect(await harness.call("GET", "/v1/platform/billing/status", query: ["yearMonth": "2026-10"], as: .platformOperator).items.isEmpty)
        #expect(await harness.call("GET", "/v1/platform/billing/status", query: ["yearMonth": "2026-13"], as: .platformOperator).detailFields == ["yearMonth"])
    }

    @Test func quotaReportsNumbersOrWhyNot() async throws {
        let harness = TestHarness(quotas: FakeQuotas(sessions: ["eu-west-1": 142, "eu-central-1": 3], limits: ["eu-west-1": 500]))
        let response = await harness.call("GET", "/v1/platform/quota", as: .platformAdmin)
        let items = try #require(response.json["utilisation"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["region"] as? String == "eu-west-1" && items[0]["utilisationPercentage"] as? Double == 28.4)
        #expect(items[0]["status"] as? String == "available")
        #expect(items[1]["status"] as? String == "unavailable")
        #expect(items[1]["limit"] == nil && items[1]["currentValue"] == nil)
        #expect(items[1]["reason"] as? String == "Service Quotas: no quota for eu-central-1")
    }

    @Test func healthReportsItsDependencies() async throws {
        let healthy = await TestHarness().call("GET", "/v1/health", as: nil)
        #expect(healthy.status == 200)
        #expect(healthy.json["status"] as? String == "ok" && healthy.json["runtimeRegion"] as? String == "eu-west-1")
        #expect((healthy.json["dependencies"] as? [[String: Any]])?.map { $0["name"] as? String } == ["dynamodb", "ssm"])
        let degraded = await TestHarness(parameters: FakeParameters(failing: true)).call("GET", "/v1/health", as: nil)
        #expect(degraded.json["status"] as? String == "degraded")
        #expect((degraded.json["dependencies"] as? [[String: Any]])?.last?["status"] as? String == "unavailable")
    }

    @Test func healthIsAnsweredFromABriefCacheSoAFloodDoesNotFanOut() async throws {
        let parameters = FakeParameters(["/platform/config/runtime-region": "eu-west-1"])
        let harness = TestHarness(parameters: parameters)
        let first = await harness.call("GET", "/v1/health", as: nil)
        try await parameters.putParameter("/platform/config/runtime-region", value: "eu-central-1")
        let second = await harness.call("GET", "/v1/health", as: nil)
        #expect(first.json["runtimeRegion"] as? String == "eu-west-1")
        #expect(second.json["runtimeRegion"] as? String == "eu-west-1", "the second call did not reach SSM")
    }
}

@Suite struct HealthAnswerCacheTests {
    @Test func oneCheckPerLifetimeAndConcurrentCallersShareIt() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 0))
        let checks = Mutex(0)
        let cache = HealthAnswerCache(lifetime: 5, now: { clock.withLock { $0 } })
        let check: @Sendable () async throws -> APIGatewayProxyResponse = {
            let count = checks.withLock { $0 += 1; return $0 }
            try await Task.sleep(for: .milliseconds(50))
            return APIGatewayProxyResponse(statusCode: 200, body: "\(count)")
        }
        let bodies = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<10 { group.addTask { try await cache.answer(check).body } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(checks.withLock { $0 } == 1 && Set(bodies) == ["1"])
        clock.withLock { $0 = $0.addingTimeInterval(4.9) }
        #expect(try await cache.answer(check).body == "1")
        clock.withLock { $0 = $0.addingTimeInterval(0.1) }
        #expect(try await cache.answer(check).body == "2")
    }
}

