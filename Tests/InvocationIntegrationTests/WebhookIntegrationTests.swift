import AWSCore
import DataAccess
import Foundation
import Testing

extension StackTests {
    /// Webhooks end to end: job finishes, moto's jobs stream feeds webhook-delivery
    /// (through the local platform's stream poller), which POSTs to a local receiver.
    @Suite struct WebhookIntegrationTests {
        static let secret = "local-webhook-secret-0123456789abcdef"

        func registerWebhook(url: String) async throws -> String {
            let stack = try PlatformStack.get()
            let id = "hook-" + UUID().uuidString.prefix(8).lowercased()
            let registration = try WebhookRegistration(callbackUrl: url, events: ["job.completed", "job.failed"])
                .validated(localReceivers: LocalWebhookReceivers(endpoints: Set(PlatformStack.webhookReceiverPorts.map { "127.0.0.1:\($0)" })))
            let webhook = Webhook(registration, webhookID: try WebhookID(validating: id),
                                  tenantID: try TenantID(validating: "acme-basic"), secret: Self.secret, now: Date())
            try await DynamoDBClient(client: try stack.aws.client(.dynamoDB))
                .putItem(.init(tableName: "platform-tenants", item: try webhook.item()))
            return id
        }

        func jobRow(_ id: String) async throws -> DynamoDBItem {
            let stack = try PlatformStack.get()
            return try #require(try await DynamoDBClient(client: try stack.aws.client(.dynamoDB)).getItem(.init(
                tableName: "platform-jobs", key: ["PK": .s("TENANT#acme-basic"), "SK": .s("JOB#\(id)")], consistentRead: true)))
        }

        func waitForDeliveryStatus(_ jobID: String, _ status: String, seconds: Double = 30) async throws -> DynamoDBItem {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let row = try await jobRow(jobID)
                if row["webhookDeliveryStatus"] == .s(status) { return row }
                try await Task.sleep(for: .milliseconds(200))
            }
            Issue.record("job \(jobID) never reached webhookDeliveryStatus \(status)")
            return try await jobRow(jobID)
        }

        static func verify(_ delivery: WebhookReceiver.Delivery) -> Bool {
            guard let header = delivery.signature, header.hasPrefix("t="), let comma = header.firstIndex(of: ",") else { return false }
            let t = String(header[header.index(header.startIndex, offsetBy: 2)..<comma])
            let v1 = header[header.index(after: comma)...]
            let expected = "v1=" + HMACTestVector.hex(key: Array(secret.utf8), message: Array("\(t).".utf8) + delivery.body)
            return v1 == expected
        }

        @Test func receiverDownTwiceThenUpGetsExactlyOneSignedDelivery() async throws {
            let receiver = try WebhookReceiver(failures: 2, port: PlatformStack.webhookReceiverPorts[0])
            let hook = try await registerWebhook(url: receiver.url)
            let jobID = try await AsyncJobIntegrationTests.startJob(
                "{\"input\":\"notify me\",\"webhookId\":\"\(hook)\",\"context\":{\"simulatedSeconds\":0.3}}")
            let row = try await waitForDeliveryStatus(jobID, "delivered")
            #expect(row["webhookDeliveryAttempts"] == .n("3"))
            #expect(row["webhookDelivered"] == .bool(true))
            try await Task.sleep(for: .seconds(1))
            #expect(receiver.calls == 3)
            let deliveries = receiver.deliveries
            #expect(deliveries.count == 1)
            let delivery = try #require(deliveries.first)
            #expect(delivery.eventID == "\(jobID):job.completed")
            #expect(Self.verify(delivery))
            let body = String(decoding: delivery.body, as: UTF8.self)
            #expect(body.contains("\"jobId\":\"\(jobID)\"") && body.contains("\"status\":\"completed\""))
            let (_, job) = try await AsyncJobIntegrationTests.job(jobID)
            #expect(job["webhookDeliveryStatus"] as? String == "delivered")
        }

        @Test func receiverAlwaysDownEndsFailedAfterFourAttempts() async throws {
            let receiver = try WebhookReceiver(failures: nil, port: PlatformStack.webhookReceiverPorts[1])
            let hook = try await registerWebhook(url: receiver.url)
            let jobID = try await AsyncJobIntegrationTests.startJob(
                "{\"input\":\"nobody home\",\"webhookId\":\"\(hook)\",\"context\":{\"simulatedSeconds\":0.2}}")
            let row = try await waitForDeliveryStatus(jobID, "failed")
            #expect(row["webhookDeliveryAttempts"] == .n("4"))
            #expect(row["webhookDelivered"] == .bool(false))
            try await Task.sleep(for: .seconds(1))
            #expect(receiver.calls == 4)
        }

        /// A stored webhook that points at a loopback port the stack does not list (here the Lambda
        /// emulator's invoke endpoint, and an unlisted receiver) is never called: the job ends `skipped`.
        @Test func unlistedLoopbackTargetsAreNeverCalled() async throws {
            let stack = try PlatformStack.get()
            let unlisted = try WebhookReceiver(failures: 0, port: 0)
            for url in [unlisted.url, stack.emulatorURL + "/2015-03-31/functions/bridge/invocations"] {
                let hook = try await registerStoredWebhook(url: url)
                let jobID = try await AsyncJobIntegrationTests.startJob(
                    "{\"input\":\"ssrf\",\"webhookId\":\"\(hook)\",\"context\":{\"simulatedSeconds\":0.2}}")
                let row = try await waitForDeliveryStatus(jobID, "skipped")
                #expect(row["webhookDeliveryStatus"] == .s("skipped"), "\(url)")
            }
            #expect(unlisted.calls == 0)
        }

        /// A row as the store holds it, bypassing registration (which refuses such URLs).
        func registerStoredWebhook(url: String) async throws -> String {
            let stack = try PlatformStack.get()
            let id = "hook-" + UUID().uuidString.prefix(8).lowercased()
            let registration = try WebhookRegistration(callbackUrl: url, events: ["job.completed", "job.failed"])
                .validated(localReceivers: LocalWebhookReceivers(endpoints: [String(url.dropFirst(7).prefix { $0 != "/" })]))
            let webhook = Webhook(registration, webhookID: try WebhookID(validating: id),
                                  tenantID: try TenantID(validating: "acme-basic"), secret: Self.secret, now: Date())
            try await DynamoDBClient(client: try stack.aws.client(.dynamoDB))
                .putItem(.init(tableName: "platform-tenants", item: try webhook.item()))
            return id
        }
    }
}
