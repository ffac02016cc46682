import AWSCore
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

/// PATCH and DELETE of `/v1/tenants/{tenantId}`.
@Suite struct TenantLifecycleTests {
    func patch(_ harness: TestHarness, _ id: String, _ body: String, as caller: TestCaller) async -> TestHarness.Response {
        await harness.call("PATCH", "/v1/tenants/{tenantId}", path: ["tenantId": id], body: body, as: caller)
    }

    @Test func tierChangeAndPlainUpdatePublishTheirEvents() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme", tier: "basic")
        let upgraded = await patch(harness, "acme", #"{"tier":"premium","monthlyBudgetUsd":2000}"#, as: .platformOperator)
        #expect(upgraded.status == 200)
        #expect(upgraded.json["tier"] as? String == "premium")
        #expect(upgraded.json["updatedAt"] as? String == "2026-11-25T12:34:56.789Z")
        let renamed = await patch(harness, "acme", #"{"displayName":"Acme Two"}"#, as: .platformAdmin)
        #expect(renamed.status == 200)
        let events = harness.events.all
        #expect(events.map(\.detailType) == [.tenantTierChanged, .tenantUpdated])
        #expect(events[0].detail.change["tier"] == .init(from: .string("basic"), to: .string("premium")))
        #expect(events[0].detail.change["monthlyBudgetUsd"] == .init(from: 500, to: 2000))
        #expect(events[1].detail.change.keys.sorted() == ["displayName"])
        #expect(try await harness.audits().map(\.operation) == ["tenant.update", "tenant.update"])
    }

    @Test(arguments: [TestCaller.user("acme"), .tenantAdmin("acme"), .machine("acme"), .tenantAdmin("globex")])
    func nonStaffCannotUpdateAndNothingChanges(caller: TestCaller) async throws {
        let harness = TestHarness()
        let before = try await harness.seedTenant("acme", tier: "basic")
        let response = await patch(harness, "acme", #"{"tier":"premium"}"#, as: caller)
        #expect(response.status == 403)
        #expect(try await harness.tenant("acme") == before)
        #expect(harness.events.all.isEmpty)
    }

    @Test func updateRules() async throws {
        let harness = TestHarness()
        let before = try await harness.seedTenant("acme")
        #expect(await patch(harness, "acme", #"{"status":"deleted"}"#, as: .platformAdmin).detailFields == ["status"])
        #expect(await patch(harness, "acme", #"{"apiKeyId":"x"}"#, as: .platformAdmin).detailFields == ["apiKeyId"])
        #expect(await patch(harness, "acme", #"{}"#, as: .platformAdmin).status == 400)
        #expect(await patch(harness, "acme", #"{"monthlyBudgetUsd":"lots"}"#, as: .platformAdmin).detailFields == ["monthlyBudgetUsd"])
        #expect(await patch(harness, "acme", #"{"fallbackRegion":"eu-west-1"}"#, as: .platformAdmin).status == 422)
        #expect(await patch(harness, "nobody", #"{"tier":"basic"}"#, as: .platformAdmin).status == 404)
        #expect(try await harness.tenant("acme") == before)
        try await harness.seedTenant("gone", status: .deleted)
        #expect(await patch(harness, "gone", #"{"tier":"basic"}"#, as: .platformAdmin).status == 409)
        try await harness.seedTenant("platform")
        #expect(await patch(harness, "platform", #"{"status":"suspended"}"#, as: .platformAdmin).status == 403)
    }

    @Test func adminSoftDeletes() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        let response = await harness.call("DELETE", "/v1/tenants/{tenantId}", path: ["tenantId": "acme"], as: .platformAdmin)
        #expect(response.status == 202)
        #expect(response.json["status"] as? String == "delete_scheduled")
        #expect(response.json["retentionDays"] as? Int == 30)
        let tenant = try #require(try await harness.tenant("acme"))
        #expect(tenant.status == .deleted)
        #expect(tenant.purgeAt == TestHarness.now.addingTimeInterval(30 * 86_400))
        let event = try #require(harness.events.all.first)
        #expect(event.detailType == .tenantDeleted)
        #expect(event.detail.change["status"] == .init(from: .string("active"), to: .string("deleted")))
        #expect(event.detail.change["purgeAt"]?.to == .string("2026-12-25T12:34:56.789Z"))
        let again = await harness.call("DELETE", "/v1/tenants/{tenantId}", path: ["tenantId": "acme"], as: .platformAdmin)
        #expect(again.status == 409)
    }

    @Test func onlyPlatformAdminDeletesAndNeverThePlatformTenant() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        try await harness.seedTenant("platform")
        for caller in [TestCaller.platformOperator, .tenantAdmin("acme"), .user("acme"), .machine("acme")] {
            let response = await harness.call("DELETE", "/v1/tenants/{tenantId}", path: ["tenantId": "acme"], as: caller)
            #expect(response.status == 403)
        }
        #expect(try await harness.tenant("acme")?.status == .active)
        let platform = await harness.call("DELETE", "/v1/tenants/{tenantId}", path: ["tenantId": "platform"], as: .platformAdmin)
        #expect(platform.status == 403)
        let audits = try await harness.audits()
        #expect(audits.filter { $0.outcome == .denied }.count == 5)
        #expect(audits.allSatisfy { $0.tenantID == .platform && $0.operation == "tenant.delete" })
    }
}
