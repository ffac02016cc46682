import AWSCore
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct WebhookHandlerTests {
    static let body = #"{"callbackUrl":"https://hooks.acme.example/jobs","events":["job.completed"],"description":"results"}"#

    @Test(arguments: [TestCaller.user("acme"), .tenantAdmin("acme"), .machine("acme")])
    func tenantCallersRegisterListAndDelete(caller: TestCaller) async throws {
        let harness = TestHarness()
        let created = await harness.call("POST", "/v1/webhooks", body: Self.body, as: caller)
        #expect(created.status == 201)
        let id = try #require(created.json["webhookId"] as? String)
        #expect(created.raw.headers?["Location"] == "/v1/webhooks/\(id)")
        #expect(created.json["tenantId"] as? String == "acme")
        #expect(created.json["secret"] == nil)
        #expect(!(created.raw.body ?? "").contains(String(repeating: "0", count: 8) + "ab"))
        let signing = try #require(created.json["signing"] as? [String: Any])
        #expect(signing["signatureHeader"] as? String == "X-Platform-Signature")
        let stored = try #require(try await harness.controlPlane.get(
            Webhook.self, table: "platform-tenants", key: .webhook(try TenantID(validating: "acme"), try WebhookID(validating: id))))
        #expect(stored.secret.count == 64)
        #expect(!(created.raw.body ?? "").contains(stored.secret))
        let listed = await harness.call("GET", "/v1/webhooks", as: caller)
        #expect(listed.items.map { $0["webhookId"] as? String } == [id])
        #expect(listed.items.first?["secret"] == nil)
        #expect(await harness.call("POST", "/v1/webhooks", body: Self.body, as: caller).status == 409)
        #expect(await harness.call("DELETE", "/v1/webhooks/{webhookId}", path: ["webhookId": id], as: caller).status == 204)
        #expect(await harness.call("GET", "/v1/webhooks", as: caller).items.isEmpty)
    }

    @Test func anotherTenantsWebhookIsNotFoundAndSurvives() async throws {
        let harness = TestHarness()
        let id = try #require(await harness.call("POST", "/v1/webhooks", body: Self.body, as: .user("acme")).json["webhookId"] as? String)
        let response = await harness.call("DELETE", "/v1/webhooks/{webhookId}", path: ["webhookId": id], as: .tenantAdmin("globex"))
        #expect(response.status == 404)
        #expect(await harness.call("GET", "/v1/webhooks", as: .user("globex")).items.isEmpty)
        #expect(await harness.call("GET", "/v1/webhooks", as: .user("acme")).items.count == 1)
    }

    @Test(arguments: [
        (#"{"callbackUrl":"http://hooks.acme.example/x","events":["job.completed"]}"#, ["callbackUrl"]),
        (#"{"callbackUrl":"https://hooks.acme.example/x","events":[]}"#, ["events"]),
        (#"{"callbackUrl":"https://hooks.acme.example/x","events":["job.started"]}"#, ["events[0]"]),
        (#"{"callbackUrl":"https://hooks.acme.example/x","events":["job.failed"],"secret":"mine"}"#, ["secret"]),
        (#"{"callbackUrl":"https://hooks.acme.example/x","events":["job.failed"],"description":"\#(String(repeating: "d", count: 257))"}"#, ["description"]),
        (#"{"callbackUrl":42,"events":["job.failed"]}"#, ["callbackUrl"]),
    ])
    func badRegistrationsAreRejected(body: String, fields: [String]) async throws {
        let harness = TestHarness(environment: [:])
        let response = await harness.call("POST", "/v1/webhooks", body: body, as: .user("acme"))
        #expect(response.status == 400)
        #expect(response.detailFields == fields)
        #expect(harness.tables.count(in: "platform-tenants") == 0)
    }

    @Test func plainHTTPToLoopbackOnlyInTheLocalEnvironment() async throws {
        let body = #"{"callbackUrl":"http://127.0.0.1:9000/hook","events":["job.failed"]}"#
        #expect(await TestHarness(environment: ["PLATFORM_ENV": "local"]).call("POST", "/v1/webhooks", body: body, as: .user("acme")).status == 201)
        #expect(await TestHarness(environment: [:]).call("POST", "/v1/webhooks", body: body, as: .user("acme")).status == 400)
    }
}
