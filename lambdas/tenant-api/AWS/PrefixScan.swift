import AWSCore
import DataAccess
import FoundationEssentials

/// A control-plane scan by sort-key condition other than equality, which
/// `ControlPlaneDynamoDB.scan` does not offer yet (the agent registry lists
/// every `VERSION#` row). Records are decoded with the DataAccess models, so
/// every row is validated as a `TableRecord`.
struct PrefixScan: Sendable {
    let dynamoDB: DynamoDBClient

    func page<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyRange, limit: Int?, nextToken: String?
    ) async throws -> RecordPage<R> {
        let values: DynamoDBItem
        let filter: String
        switch sortKey {
        case .equals(let value): (filter, values) = ("#sk = :a", [":a": .s(value)])
        case .beginsWith(let prefix): (filter, values) = ("begins_with(#sk, :a)", [":a": .s(prefix)])
        case .between(let low, let high): (filter, values) = ("#sk BETWEEN :a AND :b", [":a": .s(low), ":b": .s(high)])
        }
        let output = try await dynamoDB.scan(.init(
            tableName: table, filterExpression: filter, expressionAttributeNames: ["#sk": TableKey.sortKeyName],
            expressionAttributeValues: values, limit: limit, exclusiveStartKey: try Self.decode(nextToken)))
        return RecordPage(items: try output.items.map { try R(item: $0) }, nextToken: Self.encode(output.lastEvaluatedKey))
    }

    static func encode(_ key: DynamoDBItem?) -> String? {
        guard let key, let data = try? JSONEncoder().encode(key) else { return nil }
        return Base64URL.encode(Array(data))
    }

    static func decode(_ token: String?) throws -> DynamoDBItem? {
        guard let token else { return nil }
        var base64 = token.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let key = try? JSONDecoder().decode(DynamoDBItem.self, from: data),
              case .s? = key[TableKey.partitionKeyName]
        else { throw InvalidNextToken() }
        return key
    }
}
