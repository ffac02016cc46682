import AWSCore
import DataAccess
import FoundationEssentials

/// `IdempotencyStore` on DynamoDB; the request fingerprint rides along as
/// the extra attribute `requestHash`.
struct DynamoDBIdempotencyStore: IdempotencyStore {
    let dynamoDB: DynamoDBClient
    let table: String

    func claim(_ record: IdempotencyRecord, requestHash: String, now: Date) async throws -> IdempotencyClaim {
        var item = try record.item()
        item["requestHash"] = .s(requestHash)
        do {
            try await dynamoDB.putItem(.init(
                tableName: table, item: item, conditionExpression: "attribute_not_exists(PK) OR #ttl < :now",
                expressionAttributeNames: ["#ttl": "ttl"],
                expressionAttributeValues: [":now": .n(String(EpochSeconds(now).rawValue))]))
            return .claimed
        } catch let error as AWSError where error.code == "ConditionalCheckFailedException" {
            guard let existing = try await dynamoDB.getItem(.init(
                tableName: table, key: record.key.attributes, consistentRead: true))
            else { return try await claim(record, requestHash: requestHash, now: now) }
            var hash: String?
            if case .s(let value)? = existing["requestHash"] { hash = value }
            return .existing(try IdempotencyRecord(item: existing), requestHash: hash)
        }
    }

    func complete(_ record: IdempotencyRecord, requestHash: String) async throws {
        var item = try record.item()
        item["requestHash"] = .s(requestHash)
        try await dynamoDB.putItem(.init(tableName: table, item: item))
    }

    func release(_ record: IdempotencyRecord) async throws {
        try await dynamoDB.deleteItem(.init(tableName: table, key: record.key.attributes))
    }
}
