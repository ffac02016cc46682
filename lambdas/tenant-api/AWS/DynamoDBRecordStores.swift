import AWSCore
import DataAccess

/// ``RecordStore`` over DataAccess's tenant-scoped client: every key is
/// checked against the tenant, queries stay on its partition (or a shared
/// one), scans are refused.
struct TenantScopedRecordStore: DataAccessRecordStore {
    let dynamoDB: TenantScopedDynamoDB

    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyCondition?, limit: Int?, nextToken: String?
    ) async throws -> Page<R> {
        let page = try await DynamoDBErrors.mapped {
            partition == dynamoDB.partition
                ? try await dynamoDB.query(type, from: table, sortKey: sortKey, limit: limit, nextToken: nextToken)
                : try await dynamoDB.queryShared(type, from: table, partition: partition, sortKey: sortKey,
                                                 limit: limit, nextToken: nextToken)
        }
        return Page(items: page.items, nextToken: page.nextToken)
    }

    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyCondition, limit: Int?, nextToken: String?
    ) async throws -> Page<R> {
        try dynamoDB.scan(table)
    }
}

/// ``RecordStore`` over DataAccess's control-plane client: operator paths only.
struct ControlPlaneRecordStore: DataAccessRecordStore {
    let dynamoDB: ControlPlaneDynamoDB

    func query<R: TableRecord>(
        _ type: R.Type, table: String, partition: String, sortKey: SortKeyCondition?, limit: Int?, nextToken: String?
    ) async throws -> Page<R> {
        let page = try await DynamoDBErrors.mapped {
            try await dynamoDB.query(type, from: table, partition: partition, sortKey: sortKey,
                                     limit: limit, nextToken: nextToken)
        }
        return Page(items: page.items, nextToken: page.nextToken)
    }

    func scan<R: TableRecord>(
        _ type: R.Type, table: String, sortKey: SortKeyCondition, limit: Int?, nextToken: String?
    ) async throws -> Page<R> {
        let page = try await DynamoDBErrors.mapped {
            try await dynamoDB.scan(type, from: table, sortKey: sortKey, limit: limit, nextToken: nextToken)
        }
        return Page(items: page.items, nextToken: page.nextToken)
    }
}

/// The single-record operations both stores share: the same calls on either
/// DataAccess client, with DynamoDB's errors mapped once.
protocol DataAccessRecordStore: RecordStore {
    associatedtype Client: RecordClient
    var dynamoDB: Client { get }
}

extension DataAccessRecordStore {
    func get<R: TableRecord>(_ type: R.Type, table: String, key: TableKey) async throws -> R? {
        try await DynamoDBErrors.mapped { try await dynamoDB.get(type, from: table, key: key, consistentRead: false) }
    }

    func put(_ record: some TableRecord, table: String, guard: WriteGuard) async throws {
        try await DynamoDBErrors.mapped { try await dynamoDB.put(record, into: table, condition: `guard`.expression) }
    }

    func delete(table: String, key: TableKey, guard: WriteGuard) async throws {
        try await DynamoDBErrors.mapped { try await dynamoDB.delete(from: table, key: key, condition: `guard`.expression) }
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
