import AWSCore
import DataAccess
import FoundationEssentials

/// Idempotency records in the idempotency table (`IDEMPOTENCY_TABLE`, key `PK`
/// only, TTL `ttl`), read and written through the caller's tenant-scoped client.
struct DynamoDBIdempotencyStore: IdempotencyStore {
    let dynamoDB: DynamoDBClient
    let tableName: String

    func record(tenant: TenantID, key: IdempotencyKey) async throws -> IdempotencyRecord? {
        try await TenantScopedDynamoDB(tenant: tenant, dynamoDB: dynamoDB)
            .get(IdempotencyRecord.self, from: tableName, key: .idempotency(tenant, key), consistentRead: true)
    }

    func saveIfAbsent(_ record: IdempotencyRecord, now: Date) async throws -> Bool {
        // DynamoDB deletes expired items lazily: an expired record may be overwritten.
        let condition = DynamoDBExpression(
            "attribute_not_exists(PK) OR #ttl <= :now", names: ["#ttl": "ttl"],
            values: [":now": .n(String(EpochSeconds(now).rawValue))])
        do {
            try await TenantScopedDynamoDB(tenant: record.tenantID, dynamoDB: dynamoDB)
                .put(record, into: tableName, condition: condition)
            return true
        } catch is ConditionalWriteConflict {
            return false
        }
    }
}
