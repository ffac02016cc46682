import AWSCore
import EntraAuth

/// Tool rows from the tools table (`TOOLS_TABLE`), one GetItem per row.
public struct DynamoDBToolStore: ToolStore {
    /// A row that exists but cannot be read as a tool (a misconfiguration, so callers fail closed).
    public struct UnreadableRow: Error, Sendable, Equatable, CustomStringConvertible {
        public var attribute: String
        public var description: String { "tool row attribute \(attribute) is missing or invalid" }
    }

    let dynamoDB: DynamoDBClient
    let tableName: String

    public init(dynamoDB: DynamoDBClient, tableName: String) {
        self.dynamoDB = dynamoDB
        self.tableName = tableName
    }

    public func tool(named name: String, scope: ToolScope) async throws -> ToolRecord? {
        let key: DynamoDBItem = ["PK": .s("TOOL#\(name)"), "SK": .s(scope.sortKey)]
        guard let item = try await dynamoDB.getItem(.init(tableName: tableName, key: key, consistentRead: true)) else {
            return nil
        }
        return try Self.record(from: item, name: name)
    }

    static func record(from item: DynamoDBItem, name: String) throws(UnreadableRow) -> ToolRecord {
        guard case .s(let tierText)? = item["tierMinimum"], let tier = Tier(rawValue: tierText) else {
            throw UnreadableRow(attribute: "tierMinimum")
        }
        guard case .bool(let enabled)? = item["enabled"] else { throw UnreadableRow(attribute: "enabled") }
        var toolName = name
        if case .s(let stored)? = item["toolName"] { toolName = stored }
        return ToolRecord(toolName: toolName, tierMinimum: tier, enabled: enabled)
    }
}
