import AWSCore

/// The DynamoDB operations on records, with no isolation rule of its own:
/// both the tenant-scoped client (which checks every key first) and the
/// control-plane client run through it, so there is one implementation.
struct RecordOperations: Sendable {
    let dynamoDB: DynamoDBClient

    func get<R: TableRecord>(_ type: R.Type, table: String, key: TableKey, consistentRead: Bool) async throws -> R? {
        let input = DynamoDBClient.GetItemInput(tableName: table, key: key.attributes, consistentRead: consistentRead ? true : nil)
        guard let item = try await dynamoDB.getItem(input) else { return nil }
        return try R(item: item)
    }

    func put(_ record: some TableRecord, table: String, condition: DynamoDBExpression?) async throws {
        let placeholders = condition?.mergedPlaceholders(with: nil)
        let input = DynamoDBClient.WriteInput(
            tableName: table, item: try record.item(), conditionExpression: condition?.text,
            expressionAttributeNames: placeholders?.names, expressionAttributeValues: placeholders?.values
        )
        try await conflictMapped(table, "PutItem") { _ = try await dynamoDB.putItem(input) }
    }

    func update(table: String, key: TableKey, update: DynamoDBExpression, condition: DynamoDBExpression?) async throws -> DynamoDBItem? {
        let placeholders = update.mergedPlaceholders(with: condition)
        let input = DynamoDBClient.WriteInput(
            tableName: table, key: key.attributes, updateExpression: update.text, conditionExpression: condition?.text,
            expressionAttributeNames: placeholders.names, expressionAttributeValues: placeholders.values, returnValues: .allNew
        )
        return try await conflictMapped(table, "UpdateItem") { try await dynamoDB.updateItem(input) }
    }

    func delete(table: String, key: TableKey, condition: DynamoDBExpression?) async throws {
        let placeholders = condition?.mergedPlaceholders(with: nil)
        let input = DynamoDBClient.WriteInput(
            tableName: table, key: key.attributes, conditionExpression: condition?.text,
            expressionAttributeNames: placeholders?.names, expressionAttributeValues: placeholders?.values
        )
        try await conflictMapped(table, "DeleteItem") { _ = try await dynamoDB.deleteItem(input) }
    }

    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyCondition?,
        limit: Int?, startKey: DynamoDBItem?, newestFirst: Bool
    ) async throws -> (records: [R], raw: [DynamoDBItem], next: DynamoDBItem?) {
        var text = "#pk = :pk"
        var names = ["#pk": TableKey.partitionKeyName]
        var values: DynamoDBItem = [":pk": .s(partition)]
        if let sortKey {
            let condition = sortKey.expression
            text += " AND " + condition.text
            names["#sk"] = TableKey.sortKeyName
            for (name, value) in condition.values { values[name] = .s(value) }
        }
        let input = DynamoDBClient.QueryInput(
            tableName: table, keyConditionExpression: text, expressionAttributeNames: names,
            expressionAttributeValues: values, limit: limit, scanIndexForward: newestFirst ? false : nil,
            exclusiveStartKey: startKey
        )
        let output = try await dynamoDB.query(input)
        return (try output.items.map { try R(item: $0) }, output.items, output.lastEvaluatedKey)
    }

    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyCondition, filter: DynamoDBExpression?, limit: Int?, startKey: DynamoDBItem?
    ) async throws -> (records: [R], next: DynamoDBItem?) {
        let keyCondition = sortKey.expression
        var condition = DynamoDBExpression(keyCondition.text, names: ["#sk": TableKey.sortKeyName],
                                           values: keyCondition.values.mapValues { .s($0) })
        if let filter {
            condition = DynamoDBExpression("\(condition.text) AND (\(filter.text))", names: condition.names, values: condition.values)
        }
        let placeholders = condition.mergedPlaceholders(with: filter)
        let output = try await dynamoDB.scan(.init(
            tableName: table, filterExpression: condition.text, expressionAttributeNames: placeholders.names,
            expressionAttributeValues: placeholders.values, limit: limit, exclusiveStartKey: startKey
        ))
        return (try output.items.map { try R(item: $0) }, output.lastEvaluatedKey)
    }

    /// BatchGetItem in chunks of 100 keys, retrying unprocessed keys a bounded number of times.
    func batchGet<R: TableRecord>(_ type: R.Type, table: String, keys: [TableKey]) async throws -> [R] {
        var records: [R] = []
        var pending = keys.map(\.attributes)
        var rounds = 0
        while !pending.isEmpty {
            rounds += 1
            guard rounds <= 10 else { throw BatchIncomplete(table: table, unprocessed: pending.count) }
            let chunk = Array(pending.prefix(100))
            pending.removeFirst(chunk.count)
            let output = try await dynamoDB.batchGetItem([table: .init(keys: chunk)])
            records += try (output.responses[table] ?? []).map { try R(item: $0) }
            if let unprocessed = output.unprocessedKeys[table] { pending += unprocessed.keys }
        }
        return records
    }

    func transactWrite(_ items: [TransactItem]) async throws {
        let writes = try items.map { item -> DynamoDBClient.TransactWriteItem in
            switch item {
            case .put(let record, let table, let condition):
                let placeholders = condition?.mergedPlaceholders(with: nil)
                return .put(.init(tableName: table, item: try record.item(), conditionExpression: condition?.text,
                                  expressionAttributeNames: placeholders?.names, expressionAttributeValues: placeholders?.values))
            case .update(let table, let key, let update, let condition):
                let placeholders = update.mergedPlaceholders(with: condition)
                return .update(.init(tableName: table, key: key.attributes, updateExpression: update.text,
                                     conditionExpression: condition?.text, expressionAttributeNames: placeholders.names,
                                     expressionAttributeValues: placeholders.values))
            case .delete(let table, let key, let condition):
                let placeholders = condition?.mergedPlaceholders(with: nil)
                return .delete(.init(tableName: table, key: key.attributes, conditionExpression: condition?.text,
                                     expressionAttributeNames: placeholders?.names, expressionAttributeValues: placeholders?.values))
            case .conditionCheck(let table, let key, let condition):
                let placeholders = condition.mergedPlaceholders(with: nil)
                return .conditionCheck(.init(tableName: table, key: key.attributes, conditionExpression: condition.text,
                                             expressionAttributeNames: placeholders.names, expressionAttributeValues: placeholders.values))
            }
        }
        let tables = Set(items.map(\.tableName)).sorted().joined(separator: ",")
        try await conflictMapped(tables, "TransactWriteItems") { try await dynamoDB.transactWriteItems(writes) }
    }

    /// Turns DynamoDB's condition failures into ``ConditionalWriteConflict``.
    private func conflictMapped<T>(_ table: String, _ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AWSError
            where error.code == "ConditionalCheckFailedException"
            || (error.code == "TransactionCanceledException" && error.message.contains("ConditionalCheckFailed")) {
            throw ConditionalWriteConflict(table: table, operation: operation)
        }
    }
}

/// BatchGetItem kept returning unprocessed keys (sustained throttling).
public struct BatchIncomplete: Error, Sendable, Equatable {
    public let table: String
    public let unprocessed: Int
}

extension TransactItem {
    var tableName: String {
        switch self {
        case .put(_, let table, _), .update(let table, _, _, _), .delete(let table, _, _), .conditionCheck(let table, _, _): table
        }
    }
}
