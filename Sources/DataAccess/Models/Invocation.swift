import FoundationEssentials

/// One sync or streaming invocation (`TENANT#{id}` / `INV#{timestamp}#{id}`),
/// kept 90 days.
public struct Invocation: TableRecord, Equatable {
    public var invocationID: InvocationID
    public var tenantID: TenantID
    public var appID: String
    public var agentName: AgentName
    public var agentVersion: SemanticVersion
    public var sessionID: SessionID
    public var inputTokens: Int
    public var outputTokens: Int
    public var latencyMs: Int
    public var status: InvocationStatus
    public var runtimeRegion: AWSRegion
    public var invocationMode: InvocationMode
    public var timestamp: Date
    public var jobID: JobID?
    public var errorCode: String?
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case invocationID = "invocationId", tenantID = "tenantId", appID = "appId", agentName, agentVersion
        case sessionID = "sessionId", inputTokens, outputTokens, latencyMs, status, runtimeRegion, invocationMode
        case timestamp, jobID = "jobId", errorCode, ttl
    }

    /// A record stamped at `timestamp`, expiring 90 days later.
    public init(invocationID: InvocationID, tenantID: TenantID, appID: String, agentName: AgentName,
                agentVersion: SemanticVersion, sessionID: SessionID, inputTokens: Int, outputTokens: Int,
                latencyMs: Int, status: InvocationStatus, runtimeRegion: AWSRegion, invocationMode: InvocationMode,
                timestamp: Date, jobID: JobID? = nil, errorCode: String? = nil) {
        self.invocationID = invocationID
        self.tenantID = tenantID
        self.appID = appID
        self.agentName = agentName
        self.agentVersion = agentVersion
        self.sessionID = sessionID
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.latencyMs = latencyMs
        self.status = status
        self.runtimeRegion = runtimeRegion
        self.invocationMode = invocationMode
        self.timestamp = timestamp
        self.jobID = jobID
        self.errorCode = errorCode
        ttl = Retention.invocationTTL(now: timestamp)
    }

    public var key: TableKey { .invocation(tenantID, timestamp, invocationID) }
}
