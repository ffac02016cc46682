import AWSCore
import DataAccess

/// Tool rows from the tools table (`TOOLS_TABLE`), one consistent GetItem per
/// row, decoded strictly by DataAccess (an unreadable row throws, so callers
/// fail closed).
public struct DynamoDBToolStore: ToolStore {
    let dynamoDB: DynamoDBClient
    let tableName: String

    public init(dynamoDB: DynamoDBClient, tableName: String) {
        self.dynamoDB = dynamoDB
        self.tableName = tableName
    }

    public func tool(named name: ToolName, tenantID: TenantID?) async throws -> Tool? {
        let key = TableKey.tool(name, tenantID: tenantID)
        guard let item = try await dynamoDB.getItem(.init(tableName: tableName, key: key.attributes, consistentRead: true))
        else { return nil }
        return try Tool(item: item)
    }
}
