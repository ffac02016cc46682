import FoundationEssentials

/// An admin action, written for every admin operation whatever its outcome.
///
/// Stored in `platform-tenants` under the operator tenant:
/// `TENANT#platform` / `AUDIT#{timestamp}#{auditId}`, so one Query on
/// `TENANT#platform` with `begins_with(SK, "AUDIT#2026-11")` lists a month in
/// time order. No TTL: audit rows are retained. Holds no request payloads.
public struct AuditRecord: TableRecord, Equatable {
    public var auditID: AuditID
    /// The caller's `sub`.
    public var actor: String
    /// Always ``TenantID/platform``: admin actions run as the operator tenant.
    public var tenantID: TenantID
    /// The tenant acted on, if any (failover, for one, has none).
    public var targetTenant: TenantID?
    /// A stable operation name, e.g. `tenant.suspend`.
    public var operation: String
    public var outcome: AuditOutcome
    public var timestamp: Date

    enum CodingKeys: String, CodingKey {
        case auditID = "auditId", actor, tenantID = "tenantId", targetTenant, operation, outcome, timestamp
    }

    public init(auditID: AuditID, actor: String, targetTenant: TenantID?, operation: String,
                outcome: AuditOutcome, timestamp: Date) {
        self.auditID = auditID
        self.actor = actor
        tenantID = .platform
        self.targetTenant = targetTenant
        self.operation = operation
        self.outcome = outcome
        self.timestamp = timestamp
    }

    public var key: TableKey { .audit(timestamp, auditID) }
}
