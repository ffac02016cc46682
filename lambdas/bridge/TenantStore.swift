import DataAccess

/// The caller's own tenant data: every key is built from `tenantID`, so a
/// handler holding one cannot read or write another tenant's rows.
protocol TenantStore: Sendable {
    var tenantID: TenantID { get }
    func tenant() async throws -> Tenant?
    func webhook(_ id: WebhookID) async throws -> Webhook?
    func job(_ id: JobID) async throws -> Job?
    func putJob(_ job: Job) async throws
    func putInvocation(_ invocation: Invocation) async throws
    func session(_ id: SessionID) async throws -> Session?
    /// Writes `session` only if the stored row is still `existing` as far as
    /// ownership goes: absent when `existing` is nil, else the same subject,
    /// agent and runtime session id. Throws `ConditionalWriteConflict` otherwise.
    func putSession(_ session: Session, replacing existing: Session?) async throws
}
