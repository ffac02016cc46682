import FoundationEssentials

/// An async job (`TENANT#{id}` / `JOB#{jobId}`), kept 7 days. The jobs
/// table streams NEW_AND_OLD_IMAGES to webhook delivery.
public struct Job: TableRecord, Equatable {
    public var jobID: JobID
    public var tenantID: TenantID
    public var appID: String
    public var agentName: AgentName
    public var agentVersion: SemanticVersion
    public var status: JobStatus
    public var createdAt: Date
    public var startedAt: Date?
    public var completedAt: Date?
    public var runtimeSessionID: String?
    public var resultS3Key: String?
    public var errorMessage: String?
    public var webhookID: WebhookID?
    public var webhookURL: CallbackURL?
    public var webhookDelivered: Bool?
    public var webhookDeliveryStatus: DeliveryStatus?
    public var webhookDeliveryAttempts: Int?
    public var webhookLastAttemptAt: Date?
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case jobID = "jobId", tenantID = "tenantId", appID = "appId", agentName, agentVersion, status, createdAt
        case startedAt, completedAt, runtimeSessionID = "runtimeSessionId", resultS3Key, errorMessage
        case webhookID = "webhookId", webhookURL = "webhookUrl", webhookDelivered, webhookDeliveryStatus
        case webhookDeliveryAttempts, webhookLastAttemptAt, ttl
    }

    /// A new `pending` job, expiring 7 days after `now`.
    public init(jobID: JobID, tenantID: TenantID, appID: String, agentName: AgentName, agentVersion: SemanticVersion,
                webhookID: WebhookID? = nil, webhookURL: CallbackURL? = nil, now: Date) {
        self.jobID = jobID
        self.tenantID = tenantID
        self.appID = appID
        self.agentName = agentName
        self.agentVersion = agentVersion
        status = .pending
        createdAt = now
        self.webhookID = webhookID
        self.webhookURL = webhookURL
        ttl = Retention.jobTTL(now: now)
    }

    public var key: TableKey { .job(tenantID, jobID) }

    /// `S3` key of the job's result: `tenants/{tenantId}/jobs/{jobId}/result.json`.
    public var resultObjectKey: String { "tenants/\(tenantID.rawValue)/jobs/\(jobID.rawValue)/result.json" }

    /// The job moved to `next`, stamping start or completion; an illegal move
    /// (see ``JobStatus/canTransition(to:)``) is a `CONFLICT` error.
    public func transitioned(to next: JobStatus, now: Date) throws(ValidationError) -> Job {
        guard status.canTransition(to: next) else {
            throw ValidationError(field: "status", code: .notAllowed, message:
                "a job cannot move from \(status.rawValue) to \(next.rawValue)")
        }
        var job = self
        job.status = next
        if next == .running { job.startedAt = now }
        if next.isTerminal { job.completedAt = now }
        return job
    }
}
