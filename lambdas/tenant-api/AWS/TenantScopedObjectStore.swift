import AWSCore
import DataAccess
import FoundationEssentials

/// ``ObjectStoring`` over DataAccess's tenant-scoped S3: a key outside
/// `tenants/{tenantId}/` is refused before it reaches S3.
struct TenantScopedObjectStore: ObjectStoring {
    let s3: S3Client
    let bucket: String

    func putObject(tenant: TenantID, key: String, body: Data, contentType: String) async throws {
        try await TenantScopedS3(tenant: tenant, s3: s3, bucket: bucket).put(body, at: key, contentType: contentType)
    }

    func presignedGetURL(tenant: TenantID, key: String, expiresIn seconds: Int) async throws -> String {
        try await TenantScopedS3(tenant: tenant, s3: s3, bucket: bucket).presignedGet(key, expiresIn: seconds)
    }
}
