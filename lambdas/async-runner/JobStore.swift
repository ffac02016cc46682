import DataAccess
import FoundationEssentials

/// One tenant's jobs and job results.
protocol JobStore: Sendable {
    func tenant() async throws -> Tenant?
    func job(_ id: JobID) async throws -> Job?
    func putJob(_ job: Job) async throws
    func putResult(_ body: Data, at key: String) async throws
}

/// `JobStore` on the tenant-scoped DataAccess clients.
struct ScopedJobStore: JobStore {
    let dynamoDB: TenantScopedDynamoDB
    let s3: TenantScopedS3
    let tables: TableNames

    func tenant() async throws -> Tenant? {
        try await dynamoDB.get(Tenant.self, from: tables.tenants, key: .tenantMetadata(dynamoDB.tenant), consistentRead: true)
    }

    func job(_ id: JobID) async throws -> Job? {
        try await dynamoDB.get(Job.self, from: tables.jobs, key: .job(dynamoDB.tenant, id), consistentRead: true)
    }

    func putJob(_ job: Job) async throws {
        try await dynamoDB.put(job, into: tables.jobs)
    }

    func putResult(_ body: Data, at key: String) async throws {
        try await s3.put(body, at: key, contentType: "application/json")
    }
}
