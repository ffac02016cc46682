import DataAccess
import FoundationEssentials

/// Writes objects under one tenant's prefix (`tenants/{tenantId}/`) and
/// presigns their download (tenant-scoped S3 in production).
protocol ObjectStoring: Sendable {
    func putObject(tenant: TenantID, key: String, body: Data, contentType: String) async throws
    func presignedGetURL(tenant: TenantID, key: String, expiresIn seconds: Int) async throws -> String
}
