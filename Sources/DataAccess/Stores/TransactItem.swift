/// One write of a DynamoDB transaction.
public enum TransactItem: Sendable {
    case put(any TableRecord, table: String, condition: DynamoDBExpression? = nil)
    case update(table: String, key: TableKey, update: DynamoDBExpression, condition: DynamoDBExpression? = nil)
    case delete(table: String, key: TableKey, condition: DynamoDBExpression? = nil)
    case conditionCheck(table: String, key: TableKey, condition: DynamoDBExpression)

    var key: TableKey {
        switch self {
        case .put(let record, _, _): record.key
        case .update(_, let key, _, _), .delete(_, let key, _), .conditionCheck(_, let key, _): key
        }
    }
}
