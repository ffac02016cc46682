/// Single-record reads and writes as both DynamoDB clients offer them, for code
/// that works the same tenant-scoped or on the control plane: which one it gets
/// stays the caller's explicit choice.
public protocol RecordClient: Sendable {
    func get<R: TableRecord>(_ type: R.Type, from table: String, key: TableKey, consistentRead: Bool) async throws -> R?
    func put(_ record: some TableRecord, into table: String, condition: DynamoDBExpression?) async throws
    func delete(from table: String, key: TableKey, condition: DynamoDBExpression?) async throws
}

extension TenantScopedDynamoDB: RecordClient {}
extension ControlPlaneDynamoDB: RecordClient {}
