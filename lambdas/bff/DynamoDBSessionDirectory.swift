import AWSCore
import DataAccess
import FoundationEssentials

/// Session records in `platform-sessions`, read and written only through the caller's
/// `TenantScopedDynamoDB`, so no request value can reach another tenant's partition.
struct DynamoDBSessionDirectory: SessionDirectory {
    let dynamoDB: DynamoDBClient
    let tableName: String

    func session(tenantID: String, sessionID: String) async throws -> RuntimeSession? {
        guard let (store, key) = Self.scoped(tenantID: tenantID, sessionID: sessionID, dynamoDB: dynamoDB),
              let record = try await store.get(Session.self, from: tableName, key: key, consistentRead: true)
        else { return nil }
        return RuntimeSession(tenantID: record.tenantID.rawValue, sessionID: record.sessionID.rawValue,
                              subject: record.subject, agentName: record.agentName.rawValue, runtimeSessionID: record.runtimeSessionID)
    }

    func extend(tenantID: String, sessionID: String, lastUsedAt: Date, expiresAt: Date) async throws -> Bool {
        guard let (store, key) = Self.scoped(tenantID: tenantID, sessionID: sessionID, dynamoDB: dynamoDB) else { return false }
        do {
            try await store.update(
                tableName, key: key,
                update: DynamoDBExpression(
                    "SET lastUsedAt = :at, expiresAt = :expires, #ttl = :ttl", names: ["#ttl": "ttl"],
                    values: [
                        ":at": .s(DynamoDBItemTimestamp.string(from: lastUsedAt)),
                        ":expires": .s(DynamoDBItemTimestamp.string(from: expiresAt)),
                        ":ttl": .n(String(Retention.sessionTTL(now: lastUsedAt).rawValue)),
                    ]),
                condition: DynamoDBExpression("attribute_exists(PK)"))
            return true
        } catch is ConditionalWriteConflict {
            return false
        }
    }

    /// nil for ids that could never have been stored (they are simply not found).
    private static func scoped(tenantID: String, sessionID: String,
                               dynamoDB: DynamoDBClient) -> (TenantScopedDynamoDB, TableKey)? {
        guard let tenant = try? TenantID(validating: tenantID), let session = try? SessionID(validating: sessionID) else {
            return nil
        }
        return (TenantScopedDynamoDB(tenant: tenant, dynamoDB: dynamoDB), .session(tenant, session))
    }
}
