import AWSCore
import DataAccess
import PlatformJSON

/// Where the gateway's targets come from (the I/O seam): the tools table.
public protocol ToolCatalog: Sendable {
    /// Every enabled `GLOBAL` tool with a Lambda target, by name.
    func targets() async throws -> [ToolTarget]
}

/// The tools table read the way AgentCore Gateway's target configuration
/// would be deployed from it: `GLOBAL` rows that are enabled, with
/// `description` and `inputSchema` (a JSON object, stored as a string);
/// rows without a schema are entitlements for tools with no target.
/// Tenant rows only narrow access, which the interceptors decide.
public struct DynamoDBToolCatalog: ToolCatalog {
    let dynamoDB: DynamoDBClient
    let tableName: String

    public init(dynamoDB: DynamoDBClient, tableName: String) {
        self.dynamoDB = dynamoDB
        self.tableName = tableName
    }

    public func targets() async throws -> [ToolTarget] {
        var targets: [ToolTarget] = []
        var start: DynamoDBItem?
        repeat {
            let page = try await dynamoDB.scan(.init(
                tableName: tableName, filterExpression: "#sk = :global",
                expressionAttributeNames: ["#sk": TableKey.sortKeyName],
                expressionAttributeValues: [":global": .s(TableKey.global)], exclusiveStartKey: start))
            targets += page.items.compactMap(Self.target(from:))
            start = page.lastEvaluatedKey
        } while start != nil
        return targets.sorted { $0.name < $1.name }
    }

    /// A row the gateway can serve, or `nil` (disabled, no valid name or ARN, no schema or one that is not a JSON object).
    static func target(from item: DynamoDBItem) -> ToolTarget? {
        guard case .s(let name)? = item["toolName"], (try? ToolName(validating: name)) != nil,
              case .bool(true)? = item["enabled"],
              case .s(let arn)? = item["lambdaArn"] else { return nil }
        // arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function", !parts[6].isEmpty
        else { return nil }
        let functionName = String(parts[6])
        // A row without a schema is an entitlement only (no target deployed for it).
        guard case .s(let text)? = item["inputSchema"], let schema = try? JSONParser().parse(text), case .object = schema
        else { return nil }
        var description = ""
        if case .s(let text)? = item["description"] { description = text }
        return ToolTarget(name: name, description: description, inputSchema: schema, functionName: functionName)
    }
}
