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
        let signing = try #require(created.json["signing"] as? [String: Any])
        #expect(signing["signatureHeader"] as? String == "X-Platform-Signature")
        let stored = try #require(try await harness.controlPlane.get(
            Webhook.self, table: "platform-tenants", key: .webhook(try TenantID(validating: "acme"), try WebhookID(validating: id))))
        #expect(stored.secret.count == 64)
        // Returned exactly once: in the 201, and in no listing afterwards.
        #expect(created.json["signingSecret"] as? String == stored.secret)
        let listed = await harness.call("GET", "/v1/webhooks", as: caller)
        #expect(listed.items.map { $0["webhookId"] as? String } == [id])
        #expect(listed.items.first?["secret"] == nil && listed.items.first?["signingSecret"] == nil)
        #expect(!(listed.raw.body ?? "").contains(stored.secret))
        #expect(await harness.call("POST", "/v1/webhooks", body: Self.body, as: caller).status == 409)
        #expect(await harness.call("DELETE", "/v1/webhooks/{webhookId}", path: ["webhookId": id], as: caller).status == 204)
        #expect(await harness.call("GET", "/v1/webhooks", as: caller).items.isEmpty)
    }

    @Test func rotationReturnsTheNewSecretOnceAndKeepsTheOldOneSigningForADay() async throws {
        let harness = TestHarness()
        let created = await harness.call("POST", "/v1/webhooks", body: Self.body, as: .user("acme"))
        let id = try #require(created.json["webhookId"] as? String)
        let first = try #require(created.json["signingSecret"] as? String)
        let rotated = await harness.call("POST", "/v1/webhooks/{webhookId}/rotate-secret", path: ["webhookId": id], as: .user("acme"))
        #expect(rotated.status == 201)
        let second = try #require(rotated.json["signingSecret"] as? String)
        #expect(second != first && second.count == 64)
        #expect(rotated.json["previousSecretExpiresAt"] as? String == "2026-11-26T12:34:56.789Z")
        let stored = try #require(try await harness.controlPlane.get(
            Webhook.self, table: "platform-tenants", key: .webhook(try TenantID(validating: "acme"), try WebhookID(validating: id))))
        #expect(stored.signingSecrets(at: TestHarness.now) == [second, first])
        let listed = await harness.call("GET", "/v1/webhooks", as: .user("acme"))
        #expect(!(listed.raw.body ?? "").contains(first) && !(listed.raw.body ?? "").contains(second))
        #expect(listed.items.first?["previousSecretExpiresAt"] as? String == "2026-11-26T12:34:56.789Z")
        // Another tenant cannot rotate (or learn) it; an unknown id is 404.
        let foreign = await harness.call("POST", "/v1/webhooks/{webhookId}/rotate-secret", path: ["webhookId": id], as: .user("globex"))
        #expect(foreign.status == 404 && !(foreign.raw.body ?? "").contains(second))
        let unknown = await harness.call("POST", "/v1/webhooks/{webhookId}/rotate-secret", path: ["webhookId": "nope"], as: .user("acme"))
        #expect(unknown.status == 404)
        let malformed = await harness.call("POST", "/v1/webhooks/{webhookId}/rotate-secret", path: ["webhookId": "has.dot"],
                                           as: .user("acme"))
        #expect(malformed.status == 400)
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

    @Test func loopbackOnlyToTheConfiguredLocalReceivers() async throws {
        let body = #"{"callbackUrl":"http://127.0.0.1:9000/hook","events":["job.failed"]}"#
        let local = ["PLATFORM_ENV": "local", "WEBHOOK_LOCAL_RECEIVERS": "127.0.0.1:9000"]
        #expect(await TestHarness(environment: local).call("POST", "/v1/webhooks", body: body, as: .user("acme")).status == 201)
        #expect(await TestHarness(environment: ["PLATFORM_ENV": "local"]).call("POST", "/v1/webhooks", body: body, as: .user("acme")).status == 400)
        #expect(await TestHarness(environment: ["WEBHOOK_LOCAL_RECEIVERS": "127.0.0.1:9000"])
            .call("POST", "/v1/webhooks", body: body, as: .user("acme")).status == 400)
        // The Lambda emulator's invoke endpoint on another loopback port is not a receiver.
        let emulator = #"{"callbackUrl":"http://127.0.0.1:9001/2015-03-31/functions/bridge/invocations","events":["job.failed"]}"#
        #expect(await TestHarness(environment: local).call("POST", "/v1/webhooks", body: emulator, as: .user("acme")).status == 400)
    }

    @Test(arguments: ["https://0xa9.0xfe.0xa9.0xfe/", "https://0x7f.0x0.0x0.0x1/", "https://2130706433/", "https://0177.0.0.1/",
                      "https://127.1/", "https://[::ffff:127.0.0.1]/", "https://169.254.169.254/latest/meta-data/"])
    func ipLiteralsInAnySpellingAreRefused(url: String) async throws {
        let harness = TestHarness()
        let response = await harness.call("POST", "/v1/webhooks", body: #"{"callbackUrl":"\#(url)","events":["job.failed"]}"#,
                                          as: .user("acme"))
        #expect(response.status == 400 && response.detailFields == ["callbackUrl"])
        #expect(harness.tables.count(in: "platform-tenants") == 0)
    }
}
