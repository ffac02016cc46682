import AWSCore
import DataAccess
import FoundationEssentials
import PlatformAPI

/// Provisions a freshly recorded tenant: its AgentCore Memory store, its API
/// key (secret and `APIKEY#` row), then records both on the tenant row.
///
/// A failure leaves the tenant with `provisioningStatus: failed` and the stage
/// that failed in `provisioningError` (never a secret), and answers 503.
struct TenantProvisioner: Sendable {
    let dependencies: TenantAPIDependencies

    func provision(_ tenant: Tenant, store: any RecordStore) async throws -> Tenant {
        let table = dependencies.configuration.tables.tenants
        var provisioned = tenant
        var stage = "memory store"
        do {
            provisioned.memoryStoreARN = try await dependencies.memory.createMemoryStore(
                name: Self.memoryName(for: tenant.tenantID), description: "Memory of tenant \(tenant.tenantID.rawValue)")
            stage = "api key"
            let key = APIKeyMaterial(randomBytes: dependencies.randomBytes)
            let secretARN = try await dependencies.secrets.storeSecret(
                name: APIKeyMaterial.secretName(for: tenant.tenantID), value: try key.secretString())
            let record = APIKeyRecord(keyID: key.keyID, tenantID: tenant.tenantID, secretARN: secretARN, now: dependencies.now())
            try await store.put(record, table: table, guard: .absent)
            provisioned.apiKeySecretARN = secretARN
            provisioned.apiKeyID = key.keyID
            stage = "tenant record"
            try await store.put(provisioned, table: table, guard: .unchanged(updatedAt: tenant.updatedAt))
            return provisioned
        } catch {
            dependencies.log("ERROR", "tenant_provisioning_failed", [
                "tenantId": tenant.tenantID.rawValue, "stage": stage, "errorType": String(describing: type(of: error)),
            ])
            var failed = provisioned
            failed.provisioningStatus = .failed
            failed.provisioningError = "provisioning failed at: \(stage)"
            try? await store.put(failed, table: table, guard: .present)
            throw APIError(.serviceUnavailable,
                           "Tenant \(tenant.tenantID.rawValue) was recorded but provisioning failed at the \(stage) stage.")
        }
    }

    /// AgentCore memory names allow `[a-zA-Z][a-zA-Z0-9_]{0,47}`: hyphens become underscores.
    static func memoryName(for tenant: TenantID) -> String {
        "tenant_" + tenant.rawValue.replacing("-", with: "_")
    }
}

extension WriteGuard {
    /// The tenant row must still carry this `updatedAt` (optimistic concurrency).
    static func unchanged(updatedAt: Date) -> WriteGuard {
        .unchanged(attribute: "updatedAt", value: .s(DynamoDBItemTimestamp.string(from: updatedAt)))
    }
}
