import AWSCore
import DataAccess
import FoundationEssentials

/// `TenantStore` on `TenantScopedDynamoDB`: keys come from `TableKey`
/// builders with this store's tenant, and the scoped client refuses (and
/// reports) any key outside the caller's partition.
struct DynamoDBTenantStore: TenantStore {
    let scoped: TenantScopedDynamoDB
    let tables: TableNames

    var tenantID: TenantID { scoped.tenant }

    func tenant() async throws -> Tenant? {
        try await scoped.get(Tenant.self, from: tables.tenants, key: .tenantMetadata(tenantID), consistentRead: true)
    }

    func webhook(_ id: WebhookID) async throws -> Webhook? {
        try await scoped.get(Webhook.self, from: tables.tenants, key: .webhook(tenantID, id), consistentRead: true)
    }

    func job(_ id: JobID) async throws -> Job? {
        try await scoped.get(Job.self, from: tables.jobs, key: .job(tenantID, id), consistentRead: true)
    }

    func putJob(_ job: Job) async throws {
        try await scoped.put(job, into: tables.jobs)
    }

    func putInvocation(_ invocation: Invocation) async throws {
        try await scoped.put(invocation, into: tables.invocations)
    }

    func session(_ id: SessionID) async throws -> Session? {
        try await scoped.get(Session.self, from: tables.sessions, key: .session(tenantID, id), consistentRead: true)
    }

    func putSession(_ session: Session, replacing existing: Session?) async throws {
        let condition = existing.map { owner in
            DynamoDBExpression(
                "subject = :subject AND agentName = :agent AND runtimeSessionId = :runtime",
                values: [":subject": .s(owner.subject), ":agent": .s(owner.agentName.rawValue),
                         ":runtime": .s(owner.runtimeSessionID)])
        } ?? .itemDoesNotExist
        try await scoped.put(session, into: tables.sessions, condition: condition)
    }
}
