import AWSCore
import DataAccess
import FoundationEssentials

/// The job and webhook rows webhook-delivery reads and updates, for the job's tenant.
protocol WebhookStore: Sendable {
    func webhook(_ id: WebhookID) async throws -> Webhook?
    /// Sets the delivery status unless one is set already: the exactly-once claim.
    func claimDelivery(of job: Job, status: DeliveryStatus, now: Date) async throws -> Bool
    func recordAttempt(of job: Job, attempts: Int, status: DeliveryStatus, now: Date) async throws
}

/// `WebhookStore` on `TenantScopedDynamoDB` (the job's own tenant).
struct ScopedWebhookStore: WebhookStore {
    let dynamoDB: TenantScopedDynamoDB
    let tables: TableNames

    func webhook(_ id: WebhookID) async throws -> Webhook? {
        try await dynamoDB.get(Webhook.self, from: tables.tenants, key: .webhook(dynamoDB.tenant, id), consistentRead: true)
    }

    func claimDelivery(of job: Job, status: DeliveryStatus, now: Date) async throws -> Bool {
        do {
            try await dynamoDB.update(
                tables.jobs, key: job.key,
                update: DynamoDBExpression("SET webhookDeliveryStatus = :status, webhookDeliveryAttempts = :zero, webhookDelivered = :false",
                                           values: [":status": .s(status.rawValue), ":zero": .n("0"), ":false": .bool(false)]),
                condition: DynamoDBExpression("attribute_exists(PK) AND attribute_not_exists(webhookDeliveryStatus)"))
            return true
        } catch is ConditionalWriteConflict {
            return false
        }
    }

    func recordAttempt(of job: Job, attempts: Int, status: DeliveryStatus, now: Date) async throws {
        try await dynamoDB.update(
            tables.jobs, key: job.key,
            update: DynamoDBExpression(
                "SET webhookDeliveryStatus = :status, webhookDeliveryAttempts = :attempts, webhookDelivered = :delivered, webhookLastAttemptAt = :at",
                values: [":status": .s(status.rawValue), ":attempts": .n(String(attempts)),
                         ":delivered": .bool(status == .delivered), ":at": .s(DynamoDBItemTimestamp.string(from: now))]))
    }
}
