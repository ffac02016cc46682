import AWSCore
import DataAccess
import FoundationEssentials

/// A tenant as the API shows it (`Tenant` / `TenantDetail` in docs/openapi.yaml):
/// the METADATA record without `apiKeySecretArn`, timestamps as ISO-8601 text.
struct TenantBody: Encodable, Sendable, Equatable {
    struct Usage: Encodable, Sendable, Equatable {
        var requestsToday: Int
        var budgetRemainingUsd: Double
    }

    var tenantId: String
    var appId: String
    var displayName: String
    var tier: String
    var status: String
    var createdAt: String
    var updatedAt: String
    var provisioningStatus: String
    var provisioningError: String?
    var ownerEmail: String
    var ownerTeam: String
    var accountId: String
    var executionRoleArn: String?
    var memoryStoreArn: String?
    var runtimeRegion: String
    var fallbackRegion: String
    var apiKeyId: String?
    var monthlyBudgetUsd: Double
    var deletedAt: String?
    var purgeAt: String?
    var usage: Usage?

    init(_ tenant: Tenant, usage: Usage? = nil) {
        func text(_ date: Date) -> String { DynamoDBItemTimestamp.string(from: date) }
        tenantId = tenant.tenantID.rawValue
        appId = tenant.appID
        displayName = tenant.displayName
        tier = tenant.tier.rawValue
        status = tenant.status.rawValue
        createdAt = text(tenant.createdAt)
        updatedAt = text(tenant.updatedAt)
        provisioningStatus = tenant.provisioningStatus.rawValue
        provisioningError = tenant.provisioningError
        ownerEmail = tenant.ownerEmail.rawValue
        ownerTeam = tenant.ownerTeam
        accountId = tenant.accountID.rawValue
        executionRoleArn = tenant.executionRoleARN
        memoryStoreArn = tenant.memoryStoreARN
        runtimeRegion = tenant.runtimeRegion.rawValue
        fallbackRegion = tenant.fallbackRegion.rawValue
        apiKeyId = tenant.apiKeyID?.rawValue
        monthlyBudgetUsd = tenant.monthlyBudgetUSD
        deletedAt = tenant.deletedAt.map(text)
        purgeAt = tenant.purgeAt.map(text)
        self.usage = usage
    }
}
