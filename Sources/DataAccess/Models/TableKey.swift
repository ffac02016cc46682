import AWSCore
import FoundationEssentials

/// A record's primary key, and the one place every key is built and parsed.
///
/// Layout (SYSTEM.md section 2):
/// - `platform-tenants`: `TENANT#{id}` / `METADATA`, `WEBHOOK#{id}`,
///   `INVITE#{id}`, `BILLING#{YYYY-MM}`, `APIKEY#{keyId}`, and
///   `AUDIT#{timestamp}#{auditId}` (audit rows live under `TENANT#platform`).
///   API keys are read with the caller's `x-tenant-id` and the key id, so no
///   index by key id is needed.
/// - `platform-agents`: `AGENT#{name}` / `VERSION#{semver}` (without build metadata).
/// - `platform-tools`: `TOOL#{name}` / `TENANT#{id}` or `GLOBAL`.
/// - `platform-ops-locks`: `LOCK#{name}` / `METADATA`.
/// - `platform-invocations`: `TENANT#{id}` / `INV#{timestamp}#{invocationId}`.
/// - `platform-jobs`: `TENANT#{id}` / `JOB#{jobId}`.
/// - `platform-sessions`: `TENANT#{id}` / `SESSION#{sessionId}`.
/// - `platform-idempotency`: `PK` only, `IDEMPOTENCY#{tenantId}#{key}`. It
///   deliberately does not start with `TENANT#`, which the isolation layer
///   reserves for exact `TENANT#{id}` partitions.
public struct TableKey: Hashable, Sendable {
    public static let partitionKeyName = "PK"
    public static let sortKeyName = "SK"

    public let partitionKey: String
    /// `nil` for the idempotency table, which has no sort key.
    public let sortKey: String?

    public init(partitionKey: String, sortKey: String?) {
        self.partitionKey = partitionKey
        self.sortKey = sortKey
    }

    /// The key as item attributes (`PK`, and `SK` when there is one).
    public var attributes: [String: AttributeValue] {
        var attributes = [Self.partitionKeyName: AttributeValue.s(partitionKey)]
        if let sortKey { attributes[Self.sortKeyName] = .s(sortKey) }
        return attributes
    }

    // MARK: Partitions and prefixes

    static let tenantPrefix = "TENANT#"
    public static let metadata = "METADATA"
    public static let global = "GLOBAL"

    /// `TENANT#{id}`.
    public static func tenantPartition(_ tenantID: TenantID) -> String { tenantPrefix + tenantID.rawValue }

    /// The tenant of a `TENANT#{id}` key, or `nil` unless the whole remainder
    /// is one valid tenant id: `TENANT#acme#x` and `TENANT#ACME` give `nil`,
    /// and `TENANT#acme-evil` gives `acme-evil`, never `acme`.
    public static func tenantID(fromPartitionKey key: String) -> TenantID? {
        guard key.hasPrefix(tenantPrefix) else { return nil }
        return try? TenantID(validating: String(key.dropFirst(tenantPrefix.count)))
    }

    /// `AGENT#{name}`: the partition holding every version of an agent.
    public static func agentPartition(_ name: AgentName) -> String { "AGENT#" + name.rawValue }

    /// `INV#{YYYY-MM-DD}`: the sort-key prefix of one UTC day's invocations.
    public static func invocationDayPrefix(_ day: Date) -> String { "INV#" + YearMonth.day(of: day) }

    // MARK: Records

    public static func tenantMetadata(_ tenantID: TenantID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: metadata)
    }

    public static func webhook(_ tenantID: TenantID, _ webhookID: WebhookID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: "WEBHOOK#" + webhookID.rawValue)
    }

    public static func invite(_ tenantID: TenantID, _ inviteID: InviteID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: "INVITE#" + inviteID.rawValue)
    }

    public static func billing(_ tenantID: TenantID, _ month: YearMonth) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: "BILLING#" + month.rawValue)
    }

    public static func apiKey(_ tenantID: TenantID, _ keyID: APIKeyID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: "APIKEY#" + keyID.rawValue)
    }

    public static func audit(_ timestamp: Date, _ auditID: AuditID) -> TableKey {
        TableKey(partitionKey: tenantPartition(.platform),
                 sortKey: "AUDIT#\(DynamoDBItemTimestamp.string(from: timestamp))#\(auditID.rawValue)")
    }

    public static func agentVersion(_ name: AgentName, _ version: SemanticVersion) -> TableKey {
        TableKey(partitionKey: agentPartition(name), sortKey: "VERSION#" + version.precedenceText)
    }

    /// A tool's row for one tenant, or its `GLOBAL` row when `tenantID` is nil.
    public static func tool(_ name: ToolName, tenantID: TenantID?) -> TableKey {
        TableKey(partitionKey: "TOOL#" + name.rawValue, sortKey: tenantID.map(tenantPartition) ?? global)
    }

    public static func lock(_ name: LockName) -> TableKey {
        TableKey(partitionKey: "LOCK#" + name.rawValue, sortKey: metadata)
    }

    public static func invocation(_ tenantID: TenantID, _ timestamp: Date, _ invocationID: InvocationID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID),
                 sortKey: "INV#\(DynamoDBItemTimestamp.string(from: timestamp))#\(invocationID.rawValue)")
    }

    public static func job(_ tenantID: TenantID, _ jobID: JobID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: "JOB#" + jobID.rawValue)
    }

    public static func session(_ tenantID: TenantID, _ sessionID: SessionID) -> TableKey {
        TableKey(partitionKey: tenantPartition(tenantID), sortKey: "SESSION#" + sessionID.rawValue)
    }

    public static func idempotency(_ tenantID: TenantID, _ key: IdempotencyKey) -> TableKey {
        TableKey(partitionKey: "IDEMPOTENCY#\(tenantID.rawValue)#\(key.rawValue)", sortKey: nil)
    }
}
