import AWSCore
import DataAccess

/// Tenant rows from the tenants table (`TENANTS_TABLE`): one consistent
/// GetItem through the tenant's own `TenantScopedDynamoDB` (the tenant comes
/// from the verified token, so the read can only ever reach that tenant's
/// row), decoded strictly by DataAccess (an unreadable row throws).
public struct DynamoDBTenantStore: TenantStore {
    let dynamoDB: DynamoDBClient
    let tableName: String

    public init(dynamoDB: DynamoDBClient, tableName: String) {
        self.dynamoDB = dynamoDB
        self.tableName = tableName
    }

    public func tenant(_ tenantID: TenantID) async throws -> Tenant? {
        try await TenantScopedDynamoDB(tenant: tenantID, dynamoDB: dynamoDB)
            .get(Tenant.self, from: tableName, key: .tenantMetadata(tenantID), consistentRead: true)
    }
}
