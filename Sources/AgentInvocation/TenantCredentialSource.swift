import AWSCore
import DataAccess

/// Credentials of a tenant's execution role, for calls made on its behalf.
package protocol TenantCredentialSource: Sendable {
    func credentials(for tenant: Tenant) async throws -> any CredentialProvider
}
