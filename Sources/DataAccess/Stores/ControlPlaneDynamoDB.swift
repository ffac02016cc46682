import AWSCore

/// Unrestricted DynamoDB for operator, billing and authoriser paths that must
/// read across tenants (listing tenants, resolving an API key before the
/// caller is known, billing every tenant, ops locks).
///
/// Deliberately a separate, explicitly named type: every use shows up in
/// `git grep ControlPlaneDynamoDB` and in code review. Tenant request
/// handlers use ``TenantScopedDynamoDB``.
public struct ControlPlaneDynamoDB: Sendable {
    let operations: RecordOperations

    public init(dynamoDB: DynamoDBClient) {
        self.operations = RecordOperations(dynamoDB: dynamoDB)
    }

    public func get<R: TableRecord>(_ type: R.Type, from table: String, key: TableKey, consistentRead: Bool = false) async throws -> R? {
        try await operations.get(type, table: table, key: key, consistentRead: consistentRead)
    }

    public func put(_ record: some TableRecord, into table: String, condition: DynamoDBExpression? = nil) async throws {
        try await operations.put(record, table: table, condition: condition)
    }

    @discardableResult
    public func update(
        _ table: String, key: TableKey, update: DynamoDBExpression, condition: DynamoDBExpression? = nil
    ) async throws -> DynamoDBItem? {
        try await operations.update(table: table, key: key, update: update, condition: condition)
    }

    public func delete(from table: String, key: TableKey, condition: DynamoDBExpression? = nil) async throws {
        try await operations.delete(table: table, key: key, condition: condition)
    }

    public func query<R: TableRecord>(
        _ type: R.Type, from table: String, partition: String, sortKey: SortKeyCondition? = nil,
        limit: Int? = nil, nextToken: String? = nil, newestFirst: Bool = false
    ) async throws -> Page<R> {
        let result = try await operations.query(
            type, table: table, partition: partition, sortKey: sortKey,
            limit: limit, startKey: try PageToken.decode(nextToken), newestFirst: newestFirst
        )
        return Page(items: result.records, nextToken: PageToken.encode(result.next))
    }

    public func batchGet<R: TableRecord>(_ type: R.Type, from table: String, keys: [TableKey]) async throws -> [R] {
        try await operations.batchGet(type, table: table, keys: keys)
    }

    public func transactWrite(_ items: [TransactItem]) async throws {
        try await operations.transactWrite(items)
    }

    /// Every row of `table` whose sort key satisfies `sortKey` (e.g. all tenants'
    /// `METADATA`, every agent's `VERSION#` rows) and that passes `filter`, a page at a time. As in DynamoDB,
    /// `limit` bounds the rows read, so a page may hold fewer matches.
    public func scan<R: TableRecord>(
        _ type: R.Type, from table: String, sortKey: SortKeyCondition, filter: DynamoDBExpression? = nil,
        limit: Int? = nil, nextToken: String? = nil
    ) async throws -> Page<R> {
        let result = try await operations.scan(
            type, table: table, sortKey: sortKey, filter: filter, limit: limit, startKey: try PageToken.decode(nextToken)
        )
        return Page(items: result.records, nextToken: PageToken.encode(result.next))
    }
}
