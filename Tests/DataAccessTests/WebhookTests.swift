import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct WebhookTests {
    private func webhook() throws -> Webhook {
        let request = WebhookRegistration(callbackUrl: "https://hooks.example.com/x",
                                          events: ["job.failed", "job.completed", "job.failed"], description: "ops")
        return Webhook(try request.validated(localReceivers: .none), webhookID: Fixtures.id("w1"),
                       tenantID: Fixtures.tenant(), secret: "s3cr3t", now: Fixtures.now)
    }

    @Test func registersAnActiveWebhookWithDeduplicatedEvents() throws {
        let hook = try webhook()
        #expect(hook.events == [.jobFailed, .jobCompleted])
        #expect(hook.status == .active && hook.description == "ops")
        #expect(hook.receives(.jobCompleted))
        var disabled = hook
        disabled.status = .disabled
        #expect(!disabled.receives(.jobCompleted))
        disabled.status = .active
        disabled.events = [.jobFailed]
        #expect(!disabled.receives(.jobCompleted))
    }

    @Test func roundTripsWithCamelCaseAttributes() throws {
        let (decoded, item) = try Fixtures.roundTrip(try webhook())
        #expect(decoded == (try webhook()))
        #expect(item["callbackUrl"] == .s("https://hooks.example.com/x"))
        #expect(item["events"] == .l([.s("job.failed"), .s("job.completed")]))
        #expect(item["SK"] == .s("WEBHOOK#w1"))
        #expect(Set(item.keys) == ["PK", "SK", "webhookId", "tenantId", "callbackUrl", "events", "status", "secret",
                                   "description", "createdAt", "updatedAt"])
    }

    @Test func registrationReportsEveryFieldError() {
        #expect(Fixtures.fieldErrors { _ = try WebhookRegistration().validated(localReceivers: .none) }
            == ["callbackUrl:REQUIRED", "events:REQUIRED"])
        let bad = WebhookRegistration(callbackUrl: "http://hooks.example.com", events: ["job.started"],
                                      description: String(repeating: "d", count: 257))
        #expect(Fixtures.fieldErrors { _ = try bad.validated(localReceivers: .none) }
            == ["callbackUrl:NOT_ALLOWED", "events[0]:UNKNOWN_VALUE", "description:TOO_LONG"])
        let empty = WebhookRegistration(callbackUrl: "https://a.example.com", events: [])
        #expect(Fixtures.fieldErrors { _ = try empty.validated(localReceivers: .none) } == ["events:REQUIRED"])
        let badDescription = WebhookRegistration(callbackUrl: "https://a.example.com", events: ["job.failed"], description: "")
        #expect(Fixtures.fieldErrors { _ = try badDescription.validated(localReceivers: .none) } == ["description:REQUIRED"])
    }

    @Test func registrationAllowsLoopbackInTheLocalEnvironment() throws {
        let local = WebhookRegistration(callbackUrl: "http://localhost:9000/hook", events: ["job.completed"])
        #expect(try local.validated(localReceivers: LocalWebhookReceivers(endpoints: ["localhost:9000"])).description == nil)
        #expect(Fixtures.fieldErrors { _ = try local.validated(localReceivers: .none) } == ["callbackUrl:NOT_ALLOWED"])
    }

    @Test func rotationKeepsThePreviousSecretSigningForADay() throws {
        let hook = try webhook()
        #expect(hook.signingSecrets(at: Fixtures.now) == ["s3cr3t"])
        let later = Fixtures.now.addingTimeInterval(60)
        let rotated = hook.rotatingSecret(to: "n3w", now: later)
        #expect(rotated.secret == "n3w" && rotated.previousSecret == "s3cr3t" && rotated.updatedAt == later)
        #expect(rotated.signingSecrets(at: later.addingTimeInterval(86_399)) == ["n3w", "s3cr3t"])
        #expect(rotated.signingSecrets(at: later.addingTimeInterval(86_400)) == ["n3w"])
        let again = rotated.rotatingSecret(to: "n3w3r", now: later.addingTimeInterval(10))
        #expect(again.signingSecrets(at: later.addingTimeInterval(20)) == ["n3w3r", "n3w"])
        let (decoded, item) = try Fixtures.roundTrip(rotated)
        #expect(decoded == rotated && item["previousSecret"] == .s("s3cr3t") && item["previousSecretExpiresAt"] != nil)
    }

    @Test func refusesAStoredURLThatIsNotAURL() throws {
        var item = try webhook().item()
        item["callbackUrl"] = .s("ftp://x")
        #expect(Fixtures.decodingError(Webhook.self, item)?.attribute == "callbackUrl")
    }
}
