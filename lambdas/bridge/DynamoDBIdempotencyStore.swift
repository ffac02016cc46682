import AWSCore
import DataAccess
import FoundationEssentials

/// `IdempotencyStore` on the tenant-scoped client (ADR 0015): every row it
/// reads or writes is checked to be the caller's own `IDEMPOTENCY#{tenantId}#...`.
struct DynamoDBIdempotencyStore: IdempotencyStore {
    let scoped: TenantScopedDynamoDB
    let table: String

    func claim(_ record: IdempotencyRecord, now: Date) async throws -> IdempotencyClaim {
        do {
            // A row past its TTL may linger until DynamoDB deletes it: it no longer counts.
            try await scoped.put(record, into: table, condition: DynamoDBExpression(
                "attribute_not_exists(PK) OR #ttl < :now", names: ["#ttl": "ttl"],
                values: [":now": .n(String(EpochSeconds(now).rawValue))]))
            return .claimed
        } catch is ConditionalWriteConflict {
            guard let existing = try await scoped.get(IdempotencyRecord.self, from: table, key: record.key,
                                                      consistentRead: true)
            else { return try await claim(record, now: now) }
            return .existing(existing)
        }
    }

    func complete(_ record: IdempotencyRecord) async throws {
        try await scoped.put(record, into: table)
    }

    func release(_ record: IdempotencyRecord) async throws {
        try await scoped.delete(from: table, key: record.key)
    }
}
