import DataAccess

/// Presigned GET URLs for a tenant's job results (valid 1 hour).
protocol ResultLinker: Sendable {
    func presignedURL(forKey key: String, tenant: TenantID) async throws -> String
}

/// `ResultLinker` on `TenantScopedS3`: the key must be under `tenants/{tenantId}/`.
struct S3ResultLinker: ResultLinker {
    let makeScoped: @Sendable (TenantID) -> TenantScopedS3

    func presignedURL(forKey key: String, tenant: TenantID) async throws -> String {
        try await makeScoped(tenant).presignedGet(key, expiresIn: 3600)
    }
}
