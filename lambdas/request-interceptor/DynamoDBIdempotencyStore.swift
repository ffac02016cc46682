import AWSCore

/// Idempotency records in the idempotency table (`IDEMPOTENCY_TABLE`, key `PK` only, TTL `ttl`).
struct DynamoDBIdempotencyStore: IdempotencyStore {
    let dynamoDB: DynamoDBClient
    let tableName: String

    func record(forKey key: String) async throws -> IdempotencyRecord? {
        guard let item = try await dynamoDB.getItem(.init(tableName: tableName, key: ["PK": .s(key)], consistentRead: true)),
            case .s(let output)? = item["output"], case .s(let actingSub)? = item["actingSub"],
            case .s(let toolName)? = item["toolName"], case .n(let ttl)? = item["ttl"], let expiresAt = Int(ttl)
        else { return nil }
        return IdempotencyRecord(output: output, actingSub: actingSub, toolName: toolName, expiresAt: expiresAt)
    }

    func saveIfAbsent(_ record: IdempotencyRecord, forKey key: String, now: Int) async throws -> Bool {
        let item: DynamoDBItem = [
            "PK": .s(key), "output": .s(record.output), "actingSub": .s(record.actingSub),
            "toolName": .s(record.toolName), "ttl": .n(String(record.expiresAt)),
        ]
        do {
            // DynamoDB deletes expired items lazily: an expired record may be overwritten.
            _ = try await dynamoDB.putItem(.init(
                tableName: tableName, item: item, conditionExpression: "attribute_not_exists(PK) OR #ttl <= :now",
                expressionAttributeNames: ["#ttl": "ttl"], expressionAttributeValues: [":now": .n(String(now))]))
            return true
        } catch let error as AWSError where error.code == "ConditionalCheckFailedException" {
            return false
        }
    }
}
