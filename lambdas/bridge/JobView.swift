import AWSCore
import DataAccess

/// The `Job` resource (docs/openapi.yaml). `startedAt`/`completedAt` are
/// always present (null until set); `resultUrl` only for completed jobs.
struct JobView: Encodable, Sendable, Equatable {
    var jobId: String
    var status: String
    var agentName: String
    var agentVersion: String
    var createdAt: String
    var startedAt: String?
    var completedAt: String?
    var resultUrl: String?
    var errorMessage: String?
    var webhookId: String?
    var webhookUrl: String?
    var webhookDelivered: Bool
    var webhookDeliveryStatus: String?
    var webhookDeliveryAttempts: Int?
    var webhookLastAttemptAt: String?

    init(_ job: Job, resultURL: String?) {
        jobId = job.jobID.rawValue
        status = job.status.rawValue
        agentName = job.agentName.rawValue
        agentVersion = job.agentVersion.rawValue
        createdAt = DynamoDBItemTimestamp.string(from: job.createdAt)
        startedAt = job.startedAt.map(DynamoDBItemTimestamp.string(from:))
        completedAt = job.completedAt.map(DynamoDBItemTimestamp.string(from:))
        resultUrl = job.status == .completed ? resultURL : nil
        errorMessage = job.status == .failed ? job.errorMessage : nil
        webhookId = job.webhookID?.rawValue
        webhookUrl = job.webhookURL?.rawValue
        webhookDelivered = job.webhookDelivered ?? false
        webhookDeliveryStatus = job.webhookDeliveryStatus?.rawValue
        webhookDeliveryAttempts = job.webhookDeliveryAttempts
        webhookLastAttemptAt = job.webhookLastAttemptAt.map(DynamoDBItemTimestamp.string(from:))
    }

    enum CodingKeys: String, CodingKey {
        case jobId, status, agentName, agentVersion, createdAt, startedAt, completedAt, resultUrl, errorMessage
        case webhookId, webhookUrl, webhookDelivered, webhookDeliveryStatus, webhookDeliveryAttempts, webhookLastAttemptAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jobId, forKey: .jobId)
        try container.encode(status, forKey: .status)
        try container.encode(agentName, forKey: .agentName)
        try container.encode(agentVersion, forKey: .agentVersion)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(completedAt, forKey: .completedAt)
        try container.encodeIfPresent(resultUrl, forKey: .resultUrl)
        try container.encodeIfPresent(errorMessage, forKey: .errorMessage)
        try container.encodeIfPresent(webhookId, forKey: .webhookId)
        try container.encodeIfPresent(webhookUrl, forKey: .webhookUrl)
        try container.encode(webhookDelivered, forKey: .webhookDelivered)
        try container.encodeIfPresent(webhookDeliveryStatus, forKey: .webhookDeliveryStatus)
        try container.encodeIfPresent(webhookDeliveryAttempts, forKey: .webhookDeliveryAttempts)
        try container.encodeIfPresent(webhookLastAttemptAt, forKey: .webhookLastAttemptAt)
    }
}
