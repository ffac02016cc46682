import FoundationEssentials

/// A tenant's `METADATA` row in `platform-tenants` (`TENANT#{id}` / `METADATA`).
public struct Tenant: TableRecord, Equatable {
    public var tenantID: TenantID
    public var appID: String
    public var displayName: String
    public var tier: Tier
    public var status: TenantStatus
    public var createdAt: Date
    public var updatedAt: Date
    public var provisioningStatus: ProvisioningStatus
    public var provisioningError: String?
    public var ownerEmail: EmailAddress
    public var ownerTeam: String
    public var accountID: AccountID
    public var executionRoleARN: String?
    public var memoryStoreARN: String?
    public var runtimeRegion: AWSRegion
    public var fallbackRegion: AWSRegion
    public var apiKeySecretARN: String?
    public var apiKeyID: APIKeyID?
    public var monthlyBudgetUSD: Double
    public var deletedAt: Date?
    public var purgeAt: Date?

    enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId", appID = "appId", displayName, tier, status, createdAt, updatedAt
        case provisioningStatus, provisioningError, ownerEmail, ownerTeam, accountID = "accountId"
        case executionRoleARN = "executionRoleArn", memoryStoreARN = "memoryStoreArn", runtimeRegion, fallbackRegion
        case apiKeySecretARN = "apiKeySecretArn", apiKeyID = "apiKeyId", monthlyBudgetUSD = "monthlyBudgetUsd"
        case deletedAt, purgeAt
    }

    /// A new tenant from a validated request: `active`, provisioning `pending`.
    public init(_ request: TenantRegistration.Validated, now: Date) {
        tenantID = request.tenantID
        appID = request.appID
        displayName = request.displayName
        tier = request.tier
        status = .active
        createdAt = now
        updatedAt = now
        provisioningStatus = .pending
        ownerEmail = request.ownerEmail
        ownerTeam = request.ownerTeam
        accountID = request.accountID
        runtimeRegion = request.runtimeRegion
        fallbackRegion = request.fallbackRegion
        monthlyBudgetUSD = request.monthlyBudgetUSD
    }

    public var key: TableKey { .tenantMetadata(tenantID) }

    /// Soft deletion: status `deleted`, purged after ``Retention/deletedTenant``.
    public func deleted(now: Date) -> Tenant {
        var tenant = self
        tenant.status = .deleted
        tenant.deletedAt = now
        tenant.purgeAt = now.addingTimeInterval(Retention.deletedTenant)
        tenant.updatedAt = now
        return tenant
    }
}
