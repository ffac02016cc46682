import AWSCore
import DataAccess
import FoundationEssentials

/// Assumes each tenant's execution role (session name `invoke-{tenantId}`,
/// session tag `tenantId`), keeping one cached provider per tenant so the
/// credentials are reused until 5 minutes before they expire.
package actor TenantRoleCredentials: TenantCredentialSource {
    private let sts: STSClient
    private let parameters: any ParameterStore
    private let now: @Sendable () -> Date
    private var providers: [String: (roleARN: String, provider: AssumeRoleCredentialProvider)] = [:]

    package init(sts: STSClient, parameters: any ParameterStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.sts = sts
        self.parameters = parameters
        self.now = now
    }

    package func credentials(for tenant: Tenant) async throws -> any CredentialProvider {
        let roleARN = try await roleARN(for: tenant)
        if let cached = providers[tenant.tenantID.rawValue], cached.roleARN == roleARN { return cached.provider }
        let provider = AssumeRoleCredentialProvider(
            sts: sts, roleARN: roleARN, sessionName: "invoke-\(tenant.tenantID.rawValue)",
            tags: ["tenantId": tenant.tenantID.rawValue], now: now)
        providers[tenant.tenantID.rawValue] = (roleARN, provider)
        return provider
    }

    /// The tenant's `executionRoleArn`, else `/platform/tenants/{id}/execution-role-arn`;
    /// either way it must be a role in the tenant's own account.
    private func roleARN(for tenant: Tenant) async throws -> String {
        var roleARN = tenant.executionRoleARN
        if roleARN?.isEmpty ?? true {
            roleARN = try await parameters.value(of: "/platform/tenants/\(tenant.tenantID.rawValue)/execution-role-arn")
        }
        guard let roleARN, !roleARN.isEmpty else { throw TenantRoleError.noRole }
        guard roleARN.hasPrefix("arn:aws:iam::\(tenant.accountID.rawValue):role/") else { throw TenantRoleError.foreignAccount }
        return roleARN
    }
}
