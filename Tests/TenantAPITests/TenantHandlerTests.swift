import AWSCore
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct TenantHandlerTests {
    static let acme = #"{"tenantId":"acme-corp","appId":"app-1","displayName":"Acme","tier":"standard","ownerEmail":"o@acme.example","ownerTeam":"team","accountId":"123456789012","monthlyBudgetUsd":500}"#

    func tenantRows(_ harness: TestHarness, _ id: String) -> [DynamoDBItem] {
        harness.tables.items(in: "platform-tenants").filter { $0["PK"] == .s("TENANT#\(id)") }
    }

    @Test func adminCreatesAProvisionedTenant() async throws {
        let harness = TestHarness()
        let response = await harness.call("POST", "/v1/tenants", body: Self.acme, as: .platformAdmin)
        #expect(response.status == 201)
        #expect(response.raw.headers?["Location"] == "/v1/tenants/acme-corp")
        #expect(response.json["status"] as? String == "active")
        #expect(response.json["provisioningStatus"] as? String == "pending")
        #expect(response.json["apiKeySecretArn"] == nil)
        #expect(response.json["createdAt"] as? String == "2026-11-25T12:34:56.789Z")
        let tenant = try #require(try await harness.tenant("acme-corp"))
        #expect(tenant.memoryStoreARN?.contains("memory/tenant_acme_corp") == true)
        let keyID = try #require(tenant.apiKeyID)
        #expect(keyID.rawValue == "APK0102030405060708")
        let secret = try #require(harness.secrets.value("platform/tenants/acme-corp/api-key"))
        let json = try JSONDecoder().decode([String: String].self, from: Data(secret.utf8))
        #expect(json["keyId"] == keyID.rawValue)
        #expect(json["secret"]?.count == 43)
        let key = try await harness.controlPlane.get(APIKeyRecord.self, table: "platform-tenants", key: .apiKey(tenant.tenantID, keyID))
        #expect(key?.status == .active)
        let event = try #require(harness.events.all.first)
        #expect(event.detailType == .tenantCreated && event.source == "platform.tenants")
        #expect(event.detail.tenantId == "acme-corp" && event.detail.appId == "app-1")
        #expect(event.detail.actor.sub == "admin@platform")
        #expect(event.detail.change["tier"]?.to == .string("standard"))
        #expect(try await harness.audits().map(\.operation) == ["tenant.create"])
        #expect(try await harness.audits().first?.outcome == .succeeded)
        #expect(try await harness.audits().first?.targetTenant?.rawValue == "acme-corp")
    }

    @Test(arguments: [TestCaller.user("acme"), .tenantAdmin("acme"), .machine("acme")])
    func onlyStaffCreate(caller: TestCaller) async throws {
        let harness = TestHarness()
        let response = await harness.call("POST", "/v1/tenants", body: Self.acme, as: caller)
        #expect(response.status == 403)
        #expect(response.errorCode == "FORBIDDEN")
        #expect(tenantRows(harness, "acme-corp").isEmpty)
        #expect(harness.events.all.isEmpty)
    }

    @Test func operatorMayCreateAndDoubleCreateIsConflictWithFirstUntouched() async throws {
        let harness = TestHarness()
        #expect(await harness.call("POST", "/v1/tenants", body: Self.acme, as: .platformOperator).status == 201)
        let first = try await harness.tenant("acme-corp")
        let second = Self.acme.replacing("\"Acme\"", with: "\"Impostor\"")
        let response = await harness.call("POST", "/v1/tenants", body: second, as: .platformAdmin)
        #expect(response.status == 409)
        #expect(response.errorCode == "CONFLICT")
        #expect(try await harness.tenant("acme-corp") == first)
        #expect(harness.events.all.count == 1)
        #expect(try await harness.audits().map(\.outcome).sorted { $0.rawValue < $1.rawValue } == [.failed, .succeeded])
    }

    @Test(arguments: ["platform", "admin", "root", "system", "stub", "Acme", "a", "acme--corp", "-acme", "acme-", "acme_corp"])
    func reservedAndInvalidIdsAreRejectedWithDetails(id: String) async throws {
        let harness = TestHarness()
        let body = Self.acme.replacing("acme-corp", with: id)
        let response = await harness.call("POST", "/v1/tenants", body: body, as: .platformAdmin)
        #expect(response.status == 400)
        #expect(response.errorCode == "INVALID_REQUEST")
        #expect(response.detailFields == ["tenantId"])
        #expect(harness.tables.items(in: "platform-tenants").allSatisfy { $0["PK"] == .s("TENANT#platform") })
    }

    @Test(arguments: [
        ("not json", ["body"]),
        (#"{"tenantId":"acme-corp","surprise":1}"#, ["surprise"]),
        (TenantHandlerTests.acme.replacing(#""tier":"standard""#, with: #""tier":7"#), ["tier"]),
        (TenantHandlerTests.acme.replacing(#""displayName":"Acme""#, with: #""displayName":"\#(String(repeating: "x", count: 129))""#), ["displayName"]),
        (TenantHandlerTests.acme.replacing("500", with: "0"), ["monthlyBudgetUsd"]),
        (TenantHandlerTests.acme.replacing("500", with: "1e9"), ["monthlyBudgetUsd"]),
        (TenantHandlerTests.acme.replacing(#""tier":"standard""#, with: #""tier":"gold""#), ["tier"]),
        (#"{"tenantId":"acme-corp"}"#, ["appId", "displayName", "tier", "ownerEmail", "ownerTeam", "accountId", "monthlyBudgetUsd"]),
        (TenantHandlerTests.acme.replacing("}", with: #","runtimeRegion":"us-east-1"}"#), ["runtimeRegion"]),
    ])
    func badInputIsInvalidRequestWithFieldDetailsAndWritesNothing(body: String, fields: [String]) async throws {
        let harness = TestHarness()
        let response = await harness.call("POST", "/v1/tenants", body: body, as: .platformAdmin)
        #expect(response.status == 400)
        #expect(response.errorCode == "INVALID_REQUEST")
        #expect(response.detailFields == fields)
        #expect(tenantRows(harness, "acme-corp").isEmpty)
        #expect(harness.events.all.isEmpty)
    }

    @Test func sameRuntimeAndFallbackRegionIsUnprocessable() async throws {
        let harness = TestHarness()
        let body = Self.acme.replacing("}", with: #","runtimeRegion":"eu-west-1","fallbackRegion":"eu-west-1"}"#)
        #expect(await harness.call("POST", "/v1/tenants", body: body, as: .platformAdmin).status == 422)
    }

    @Test func failedProvisioningIsRecordedAndAnswered503() async throws {
        let harness = TestHarness(memoryFailing: true)
        let response = await harness.call("POST", "/v1/tenants", body: Self.acme, as: .platformAdmin)
        #expect(response.status == 503)
        let tenant = try #require(try await harness.tenant("acme-corp"))
        #expect(tenant.provisioningStatus == .failed)
        #expect(tenant.provisioningError == "provisioning failed at: memory store")
        #expect(harness.events.all.isEmpty)
    }

    @Test func adminPagesReturnEveryTenantExactlyOnce() async throws {
        let harness = TestHarness()
        let ids = (1...11).map { "tenant-\($0)" }
        for (index, id) in ids.enumerated() { try await harness.seedTenant(id, tier: index % 2 == 0 ? "basic" : "premium") }
        // Rows of other kinds in the same table must not leak into the listing nor break the paging.
        try await harness.controlPlane.put(AuditRecord(auditID: AuditID(UUID()), actor: "x", targetTenant: nil, operation: "o",
                                                       outcome: .succeeded, timestamp: TestHarness.now), table: "platform-tenants", guard: .none)
        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            var query = ["limit": "3"]
            query["nextToken"] = token
            let response = await harness.call("GET", "/v1/tenants", query: query, as: .platformOperator)
            #expect(response.status == 200)
            #expect(response.items.count <= 3)
            seen += response.items.compactMap { $0["tenantId"] as? String }
            token = response.json["nextToken"] as? String
            pages += 1
        } while token != nil && pages < 20
        #expect(seen.sorted() == ids.sorted())
        let premium = await harness.call("GET", "/v1/tenants", query: ["tier": "premium", "limit": "100"], as: .platformAdmin)
        #expect(premium.items.count == 5)
        #expect(premium.json["nextToken"] is NSNull)
    }

    @Test func othersListOnlyTheirOwnTenant() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        try await harness.seedTenant("globex")
        for caller in [TestCaller.user("acme"), .tenantAdmin("acme"), .machine("acme")] {
            let response = await harness.call("GET", "/v1/tenants", as: caller)
            #expect(response.items.map { $0["tenantId"] as? String } == ["acme"])
        }
        let bad = await harness.call("GET", "/v1/tenants", query: ["limit": "0", "status": "gone", "evil": "1"], as: .platformAdmin)
        #expect(bad.status == 400 && bad.detailFields == ["evil"])
        let badValues = await harness.call("GET", "/v1/tenants", query: ["limit": "101", "status": "gone"], as: .platformAdmin)
        #expect(badValues.detailFields == ["limit", "status"])
    }

    @Test func readIsOwnTenantOrStaffWithUsage() async throws {
        let harness = TestHarness()
        let acme = try await harness.seedTenant("acme", budget: 100)
        try await harness.seedTenant("globex")
        let day = TestHarness.now
        for (offset, index) in [(-60.0, 1), (-120.0, 2), (-90_000.0, 3)] {
            let invocation = Invocation(
                invocationID: InvocationID(UUID()), tenantID: acme.tenantID, appID: "a", agentName: try AgentName(validating: "echo-agent"),
                agentVersion: try SemanticVersion(validating: "1.0.\(index)"), sessionID: try SessionID(validating: "s\(index)"),
                inputTokens: 1, outputTokens: 1, latencyMs: 1, status: .success, runtimeRegion: .defaultRuntime,
                invocationMode: .sync, timestamp: day.addingTimeInterval(offset))
            try await harness.controlPlane.put(invocation, table: "platform-invocations", guard: .none)
        }
        let billing = try BillingSummary(tenantID: acme.tenantID, yearMonth: YearMonth(containing: day), now: day)
            .recording(DailyUsage(inputTokens: 10, outputTokens: 10, costUSD: 41.5), on: day, now: day)
        try await harness.controlPlane.put(billing, table: "platform-tenants", guard: .none)

        for caller in [TestCaller.user("acme"), .machine("acme"), .platformOperator] {
            let response = await harness.call("GET", "/v1/tenants/{tenantId}", path: ["tenantId": "acme"], as: caller)
            #expect(response.status == 200)
            let usage = response.json["usage"] as? [String: Any]
            #expect(usage?["requestsToday"] as? Int == 2)
            #expect(usage?["budgetRemainingUsd"] as? Double == 58.5)
        }
        let other = await harness.call("GET", "/v1/tenants/{tenantId}", path: ["tenantId": "globex"], as: .tenantAdmin("acme"))
        #expect(other.status == 403 && other.errorCode == "FORBIDDEN")
        #expect(await harness.call("GET", "/v1/tenants/{tenantId}", path: ["tenantId": "nobody"], as: .platformAdmin).status == 404)
        let invalid = await harness.call("GET", "/v1/tenants/{tenantId}", path: ["tenantId": "NOPE"], as: .platformAdmin)
        #expect(invalid.status == 400 && invalid.detailFields == ["tenantId"])
    }
}
