import AWSCore
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct SelfServiceHandlerTests {
    /// A tenant provisioned through the API, so it has a key row and secret.
    func provisioned(_ harness: TestHarness, _ id: String) async throws -> Tenant {
        let body = TenantHandlerTests.acme.replacing("acme-corp", with: id)
        #expect(await harness.call("POST", "/v1/tenants", body: body, as: .platformAdmin).status == 201)
        return try #require(try await harness.tenant(id))
    }

    func rotate(_ harness: TestHarness, _ id: String, as caller: TestCaller) async -> TestHarness.Response {
        await harness.call("POST", "/v1/tenants/{tenantId}/api-key/rotate", path: ["tenantId": id], as: caller)
    }

    @Test(arguments: [TestCaller.tenantAdmin("acme"), .platformAdmin])
    func rotationIssuesANewKeyAndRevokesTheOld(caller: TestCaller) async throws {
        let harness = TestHarness()
        let before = try await provisioned(harness, "acme")
        let oldKey = try #require(before.apiKeyID)
        let oldSecret = harness.secrets.value("platform/tenants/acme/api-key")
        let response = await rotate(harness, "acme", as: caller)
        #expect(response.status == 200)
        let newKey = try #require(response.json["apiKeyId"] as? String)
        #expect(response.json["rotatedAt"] as? String == "2026-11-25T12:34:56.789Z")
        let after = try #require(try await harness.tenant("acme"))
        #expect(after.apiKeyID?.rawValue == newKey)
        let secret = try #require(harness.secrets.value("platform/tenants/acme/api-key"))
        #expect(secret.contains(newKey))
        #expect(newKey != oldKey.rawValue)
        let old = try await harness.controlPlane.get(APIKeyRecord.self, table: "platform-tenants", key: .apiKey(after.tenantID, oldKey))
        #expect(old?.status == .revoked)
        let new = try await harness.controlPlane.get(APIKeyRecord.self, table: "platform-tenants",
                                                     key: .apiKey(after.tenantID, try APIKeyID(validating: newKey)))
        #expect(new?.status == .active)
        #expect(secret != oldSecret)
        #expect(harness.events.all.last?.detailType == .tenantAPIKeyRotated)
        #expect(!(harness.events.all.last.map { try! $0.detailJSON() } ?? "").contains("secret"))
    }

    @Test(arguments: [TestCaller.user("acme"), .machine("acme"), .platformOperator, .tenantAdmin("globex")])
    func othersCannotRotateAndNothingChanges(caller: TestCaller) async throws {
        let harness = TestHarness()
        let before = try await provisioned(harness, "acme")
        let secret = harness.secrets.value("platform/tenants/acme/api-key")
        let rows = harness.tables.count(in: "platform-tenants")
        #expect(await rotate(harness, "acme", as: caller).status == 403)
        #expect(try await harness.tenant("acme") == before)
        #expect(harness.secrets.value("platform/tenants/acme/api-key") == secret)
        // Only the audit record of the refused attempt was added.
        #expect(harness.tables.count(in: "platform-tenants") == rows + 1)
        #expect(try await harness.audits().last?.outcome == .denied)
    }

    @Test func deletedTenantCannotRotate() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("gone", status: .deleted)
        #expect(await rotate(harness, "gone", as: .platformAdmin).status == 409)
    }

    @Test func invitesExpireAfterSevenDaysAndDuplicatesConflict() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        let body = #"{"email":"Analyst@Acme.example","roles":["Agent.Invoke"]}"#
        let created = await harness.call("POST", "/v1/tenants/{tenantId}/users/invite", path: ["tenantId": "acme"], body: body,
                                         as: .tenantAdmin("acme"))
        #expect(created.status == 202)
        #expect(created.json["email"] as? String == "analyst@acme.example")
        #expect(created.json["status"] as? String == "pending")
        #expect(created.json["expiresAt"] as? String == "2026-12-02T12:34:56.789Z")
        #expect(created.json["invitedBy"] as? String == "admin@acme")
        let duplicate = await harness.call("POST", "/v1/tenants/{tenantId}/users/invite", path: ["tenantId": "acme"],
                                           body: body, as: .platformAdmin)
        #expect(duplicate.status == 409)
        let listed = await harness.call("GET", "/v1/tenants/{tenantId}/users/invites", path: ["tenantId": "acme"], as: .tenantAdmin("acme"))
        #expect(listed.items.count == 1)
        for role in ["Platform.Admin", "platform.admin", "PLATFORM.OPERATOR", "Machine.Invoke"] {
            let platformRole = #"{"email":"x@acme.example","roles":["\#(role)"]}"#
            let escalation = await harness.call("POST", "/v1/tenants/{tenantId}/users/invite", path: ["tenantId": "acme"],
                                                body: platformRole, as: .tenantAdmin("acme"))
            #expect(escalation.status == 400 && escalation.detailFields == ["roles[0]"], "\(role)")
        }
    }

    @Test func invitesAreForTheTenantsOwnAdminsOnly() async throws {
        let harness = TestHarness()
        try await harness.seedTenant("acme")
        let body = #"{"email":"a@acme.example","roles":["Agent.Invoke"]}"#
        for caller in [TestCaller.user("acme"), .machine("acme"), .tenantAdmin("globex"), .platformOperator] {
            let create = await harness.call("POST", "/v1/tenants/{tenantId}/users/invite", path: ["tenantId": "acme"], body: body, as: caller)
            #expect(create.status == 403)
            let list = await harness.call("GET", "/v1/tenants/{tenantId}/users/invites", path: ["tenantId": "acme"], as: caller)
            #expect(list.status == 403)
        }
        #expect(harness.tables.items(in: "platform-tenants").filter { ($0["SK"] ?? .null) != .null && "\($0["SK"]!)".contains("INVITE#") }.isEmpty)
    }
}
