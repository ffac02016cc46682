import AWSCore
import DataAccess
import FoundationEssentials

/// Session records in `platform-sessions`. Tenant-scoped by construction: every key is
/// built from the caller's tenant id, so no request value can name another partition.
struct DynamoDBSessionDirectory: SessionDirectory {
    let dynamoDB: DynamoDBClient
    let tableName: String

    func session(tenantID: String, sessionID: String) async throws -> RuntimeSession? {
        guard let key = Self.key(tenantID: tenantID, sessionID: sessionID) else { return nil }
        guard let item = try await dynamoDB.getItem(.init(tableName: tableName, key: key.attributes, consistentRead: true))
        else { return nil }
        let record = try Session(item: item)
        return RuntimeSession(tenantID: record.tenantID.rawValue, sessionID: record.sessionID.rawValue,
                              agentName: record.agentName.rawValue, runtimeSessionID: record.runtimeSessionID)
    }

    func extend(tenantID: String, sessionID: String, lastActivityAt: Date, expiresAt: Date) async throws -> Bool {
        guard let key = Self.key(tenantID: tenantID, sessionID: sessionID) else { return false }
        do {
            _ = try await dynamoDB.updateItem(.init(
                tableName: tableName, key: key.attributes,
                updateExpression: "SET lastActivityAt = :at, expiresAt = :expires, #ttl = :ttl",
                conditionExpression: "attribute_exists(PK)",
                expressionAttributeNames: ["#ttl": "ttl"],
                expressionAttributeValues: [
                    ":at": .s(DynamoDBItemTimestamp.string(from: lastActivityAt)),
                    ":expires": .s(DynamoDBItemTimestamp.string(from: expiresAt)),
                    ":ttl": .n(String(Retention.sessionTTL(now: lastActivityAt).rawValue)),
                ]))
            return true
        } catch let error as AWSError where error.code == "ConditionalCheckFailedException" {
            return false
        }
    }

    /// nil for ids that could never have been stored (so they are simply not found).
    private static func key(tenantID: String, sessionID: String) -> TableKey? {
        guard let tenant = try? TenantID(validating: tenantID), let session = try? SessionID(validating: sessionID) else {
            return nil
        }
        return .session(tenant, session)
    }
}
