import AWSCore
import DataAccess
import FoundationEssentials

/// The delivered JSON (docs/openapi.yaml `WebhookEventPayload`); `errorMessage`
/// is `null` for `job.completed`.
struct WebhookEventPayload: Encodable, Sendable, Equatable {
    var event: String
    var jobId: String
    var tenantId: String
    var agentName: String
    var status: String
    var createdAt: String
    var completedAt: String
    var errorMessage: String?

    init(job: Job, event: WebhookEvent) {
        self.event = event.rawValue
        jobId = job.jobID.rawValue
        tenantId = job.tenantID.rawValue
        agentName = job.agentName.rawValue
        status = job.status.rawValue
        createdAt = DynamoDBItemTimestamp.string(from: job.createdAt)
        completedAt = DynamoDBItemTimestamp.string(from: job.completedAt ?? job.createdAt)
        errorMessage = job.status == .failed ? (job.errorMessage ?? "The job failed.") : nil
    }

    enum CodingKeys: String, CodingKey { case event, jobId, tenantId, agentName, status, createdAt, completedAt, errorMessage }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event, forKey: .event)
        try container.encode(jobId, forKey: .jobId)
        try container.encode(tenantId, forKey: .tenantId)
        try container.encode(agentName, forKey: .agentName)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(completedAt, forKey: .completedAt)
        try container.encode(errorMessage, forKey: .errorMessage)
    }

    func body() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
