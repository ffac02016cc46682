import AWSCore

/// DynamoDB for one tenant: the last line of tenant isolation.
///
/// Every key an operation names is checked before anything is sent: a
/// `TENANT#{id}` (or `IDEMPOTENCY#{id}#...`) key must be the caller's own,
/// queries are forced onto the caller's partition, and scans are refused.
/// Shared platform rows (agent versions, `GLOBAL` tools, locks) stay
/// readable. A violation is reported (log line + `TenantAccessViolation`
/// metric) and thrown; it never reaches AWS.
public struct TenantScopedDynamoDB: Sendable {
    public let tenant: TenantID
    let operations: RecordOperations
    let reporter: any AccessViolationReporter

    public init(tenant: TenantID, dynamoDB: DynamoDBClient, reporter: any AccessViolationReporter = EMFAccessViolationReporter()) {
        self.tenant = tenant
        self.operations = RecordOperations(dynamoDB: dynamoDB)
        self.reporter = reporter
    }

    /// The caller's partition, `TENANT#{id}`.
    public var partition: String { TableKey.tenantPartition(tenant) }

    public func get<R: TableRecord>(_ type: R.Type, from table: String, key: TableKey, consistentRead: Bool = false) async throws -> R? {
        try check(key, "GetItem")
        return try await operations.get(type, table: table, key: key, consistentRead: consistentRead)
    }

    public func put(_ record: some TableRecord, into table: String, condition: DynamoDBExpression? = nil) async throws {
        try check(record.key, "PutItem")
        try await operations.put(record, table: table, condition: condition)
    }

    /// Applies `update` and returns the item as it is afterwards (nil only if DynamoDB returned no attributes).
    @discardableResult
    public func update(
        _ table: String, key: TableKey, update: DynamoDBExpression, condition: DynamoDBExpression? = nil
    ) async throws -> DynamoDBItem? {
        try check(key, "UpdateItem")
        return try await operations.update(table: table, key: key, update: update, condition: condition)
    }

    public func delete(from table: String, key: TableKey, condition: DynamoDBExpression? = nil) async throws {
        try check(key, "DeleteItem")
        try await operations.delete(table: table, key: key, condition: condition)
    }

    /// A page of the caller's own partition; the partition cannot be chosen.
    public func query<R: TableRecord>(
        _ type: R.Type, from table: String, sortKey: SortKeyCondition? = nil,
        limit: Int? = nil, nextToken: String? = nil, newestFirst: Bool = false
    ) async throws -> Page<R> {
        let startKey = try PageToken.decode(nextToken)
        if let startKey { try check(startKey, "Query") }
        if case .s(let pk)? = startKey?["PK"], pk != partition {
            // A token for a shared partition replayed against the tenant's own.
            throw InvalidPageToken()
        }
        let result = try await operations.query(
            type, table: table, partition: partition, sortKey: sortKey,
            limit: limit, startKey: startKey, newestFirst: newestFirst
        )
        return Page(items: result.records, nextToken: PageToken.encode(result.next))
    }

    /// A page of a shared partition such as `AGENT#{name}`. Refused for any
    /// tenant-owned partition, and every row read back must be shared or the
    /// caller's own, so another tenant's row can never leave through it.
    public func queryShared<R: TableRecord>(
        _ type: R.Type, from table: String, partition: String, sortKey: SortKeyCondition? = nil,
        limit: Int? = nil, nextToken: String? = nil, newestFirst: Bool = false
    ) async throws -> Page<R> {
        try check(partition, "Query")
        let startKey = try PageToken.decode(nextToken)
        if let startKey { try check(startKey, "Query") }
        let result = try await operations.query(
            type, table: table, partition: partition, sortKey: sortKey,
            limit: limit, startKey: startKey, newestFirst: newestFirst
        )
        for item in result.raw { try check(item, "Query") }
        return Page(items: result.records, nextToken: PageToken.encode(result.next))
    }

    public func batchGet<R: TableRecord>(_ type: R.Type, from table: String, keys: [TableKey]) async throws -> [R] {
        for key in keys { try check(key, "BatchGetItem") }
        return try await operations.batchGet(type, table: table, keys: keys)
    }

    public func transactWrite(_ items: [TransactItem]) async throws {
        for item in items { try check(item.key, "TransactWriteItems") }
        try await operations.transactWrite(items)
    }

    /// Always refused: a scan reads every tenant's rows.
    public func scan(_ table: String) throws -> Never {
        let violation = TenantAccessViolation(callerTenant: tenant, targetTenant: "*", operation: "Scan", key: table)
        reporter.report(violation)
        throw violation
    }

    // MARK: Checks

    private func check(_ key: TableKey, _ operation: String) throws {
        try check(key.partitionKey, operation)
        if let sortKey = key.sortKey { try check(sortKey, operation, shown: key.partitionKey + "/" + sortKey) }
    }

    private func check(_ item: DynamoDBItem, _ operation: String) throws {
        for name in [TableKey.partitionKeyName, TableKey.sortKeyName] {
            if case .s(let value)? = item[name] { try check(value, operation) }
        }
    }

    private func check(_ keyPart: String, _ operation: String, shown: String? = nil) throws {
        let owner = KeyOwnership(keyPart)
        guard owner == .shared || owner == .tenant(tenant) else {
            let violation = TenantAccessViolation(
                callerTenant: tenant, targetTenant: owner.targetName, operation: operation, key: shown ?? keyPart
            )
            reporter.report(violation)
            throw violation
        }
    }
}
