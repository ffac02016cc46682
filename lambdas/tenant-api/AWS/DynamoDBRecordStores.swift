import AWSCore
import DataAccess

/// ``RecordStore`` over DataAccess's tenant-scoped client: every key is
/// checked against the tenant, queries stay on its partition (or a shared
/// one), scans are refused.
struct TenantScopedRecordStore: RecordStore {
    let dynamoDB: TenantScopedDynamoDB

    func get<R: TableRecord>(_ type: R.Type, table: String, key: TableKey) async throws -> R? {
        try await DynamoDBErrors.mapped { try await dynamoDB.get(type, from: table, key: key) }
    }

    func put(_ record: some TableRecord, table: String, guard: WriteGuard) async throws {
        try await DynamoDBErrors.mapped { try await dynamoDB.put(record, into: table, condition: `guard`.expression) }
    }

    func delete(table: String, key: TableKey, guard: WriteGuard) async throws {
        try await DynamoDBErrors.mapped { try await dynamoDB.delete(from: table, key: key, condition: `guard`.expression) }
    }

    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyRange?, limit: Int?, nextToken: String?
    ) async throws -> RecordPage<R> {
        let page = try await DynamoDBErrors.mapped {
            partition == dynamoDB.partition
                ? try await dynamoDB.query(type, from: table, sortKey: sortKey?.condition, limit: limit, nextToken: nextToken)
                : try await dynamoDB.queryShared(type, from: table, partition: partition, sortKey: sortKey?.condition,
                                                 limit: limit, nextToken: nextToken)
        }
        return RecordPage(items: page.items, nextToken: page.nextToken)
    }

    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyRange, limit: Int?, nextToken: String?
    ) async throws -> RecordPage<R> {
        try dynamoDB.scan(table)
    }
}

/// ``RecordStore`` over DataAccess's control-plane client: operator paths only.
struct ControlPlaneRecordStore: RecordStore {
    let dynamoDB: ControlPlaneDynamoDB
    /// For the one scan the control-plane client lacks (a sort-key prefix, the agent registry).
    let rawDynamoDB: DynamoDBClient

    func get<R: TableRecord>(_ type: R.Type, table: String, key: TableKey) async throws -> R? {
        try await DynamoDBErrors.mapped { try await dynamoDB.get(type, from: table, key: key) }
    }

    func put(_ record: some TableRecord, table: String, guard: WriteGuard) async throws {
        try await DynamoDBErrors.mapped { try await dynamoDB.put(record, into: table, condition: `guard`.expression) }
    }

    func delete(table: String, key: TableKey, guard: WriteGuard) async throws {
        try await DynamoDBErrors.mapped { try await dynamoDB.delete(from: table, key: key, condition: `guard`.expression) }
    }

    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyRange?, limit: Int?, nextToken: String?
    ) async throws -> RecordPage<R> {
        let page = try await DynamoDBErrors.mapped {
            try await dynamoDB.query(type, from: table, partition: partition, sortKey: sortKey?.condition,
                                     limit: limit, nextToken: nextToken)
        }
        return RecordPage(items: page.items, nextToken: page.nextToken)
    }

    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyRange, limit: Int?, nextToken: String?
    ) async throws -> RecordPage<R> {
        if case .equals(let value) = sortKey {
            let page = try await DynamoDBErrors.mapped {
                try await dynamoDB.scan(type, from: table, sortKey: value, limit: limit, nextToken: nextToken)
            }
            return RecordPage(items: page.items, nextToken: page.nextToken)
        }
        return try await PrefixScan(dynamoDB: rawDynamoDB).page(type, table: table, sortKey: sortKey, limit: limit, nextToken: nextToken)
    }
}

extension SortKeyRange {
    var condition: SortKeyCondition {
        switch self {
        case .equals(let value): .equals(value)
        case .beginsWith(let prefix): .beginsWith(prefix)
        case .between(let low, let high): .between(low, high)
        }
    }
}

extension WriteGuard {
    var expression: DynamoDBExpression? {
        switch self {
        case .none: nil
        case .absent: .itemDoesNotExist
        case .present: .itemExists
        case .unchanged(let attribute, let value):
            DynamoDBExpression("attribute_exists(PK) AND #guarded = :guarded", names: ["#guarded": attribute],
                               values: [":guarded": value])
        }
    }
}
