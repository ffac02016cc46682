import AWSCore
import DataAccess

/// Tool rows from the tools table (`TOOLS_TABLE`): one consistent GetItem per
/// row through the caller's `TenantScopedDynamoDB`, decoded strictly by
/// DataAccess (an unreadable row throws, so callers fail closed).
public struct DynamoDBToolStore: ToolStore {
    let dynamoDB: DynamoDBClient
    let tableName: String

    public init(dynamoDB: DynamoDBClient, tableName: String) {
        self.dynamoDB = dynamoDB
        self.tableName = tableName
    }

    public func tool(named name: ToolName, owner: TenantID?, caller: TenantID) async throws -> Tool? {
        try await TenantScopedDynamoDB(tenant: caller, dynamoDB: dynamoDB)
            .get(Tool.self, from: tableName, key: .tool(name, tenantID: owner), consistentRead: true)
    }
}
