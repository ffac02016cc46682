import AWSCore
import DataAccess

/// `TenantStore` on DynamoDB. Keys come only from `TableKey` builders with
/// this store's tenant, and every record read back is checked to be that
/// tenant's (`TableRecord.init(item:)` verifies `PK`/`SK`).
struct DynamoDBTenantStore: TenantStore {
    let tenantID: TenantID
    let dynamoDB: DynamoDBClient
    let tables: TableNames

    func tenant() async throws -> Tenant? {
        try await get(Tenant.self, table: tables.tenants, key: .tenantMetadata(tenantID))
    }

    func webhook(_ id: WebhookID) async throws -> Webhook? {
        try await get(Webhook.self, table: tables.tenants, key: .webhook(tenantID, id))
    }

    func job(_ id: JobID) async throws -> Job? {
        try await get(Job.self, table: tables.jobs, key: .job(tenantID, id))
    }

    func putJob(_ job: Job) async throws {
        precondition(job.tenantID == tenantID, "a job of another tenant")
        try await dynamoDB.putItem(.init(tableName: tables.jobs, item: try job.item()))
    }

    func putInvocation(_ invocation: Invocation) async throws {
        precondition(invocation.tenantID == tenantID, "an invocation of another tenant")
        try await dynamoDB.putItem(.init(tableName: tables.invocations, item: try invocation.item()))
    }

    private func get<Record: TableRecord>(_ type: Record.Type, table: String, key: TableKey) async throws -> Record? {
        guard let item = try await dynamoDB.getItem(.init(tableName: table, key: key.attributes, consistentRead: true))
        else { return nil }
        let record = try Record(item: item)
        return record
    }
}
