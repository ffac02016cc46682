import AWSCore
import DataAccess
import FoundationEssentials

/// The ops lock table as failover uses it (ADR 0007): conditional acquire and
/// release by lock id. Shared with the ops CLI and the failover API.
package protocol FailoverLockStore: Sendable {
    /// Writes `lock` unless a live lock exists; false when someone else holds it.
    func acquire(_ lock: OpsLock, now: Date) async throws -> Bool
    /// Deletes the lock if `lockID` still holds it.
    func release(_ name: LockName, lockID: String) async throws
}

/// `FailoverLockStore` on DynamoDB (`platform-ops-locks`, control plane).
package struct DynamoDBFailoverLockStore: FailoverLockStore {
    private let dynamoDB: DynamoDBClient
    private let table: String

    package init(dynamoDB: DynamoDBClient, table: String) {
        self.dynamoDB = dynamoDB
        self.table = table
    }

    package func acquire(_ lock: OpsLock, now: Date) async throws -> Bool {
        do {
            try await dynamoDB.putItem(.init(
                tableName: table, item: try lock.item(),
                conditionExpression: "attribute_not_exists(PK) OR expiresAt < :now",
                expressionAttributeValues: [":now": .n(String(EpochSeconds(now).rawValue))]))
            return true
        } catch let error as AWSError where error.code == "ConditionalCheckFailedException" {
            return false
        }
    }

    package func release(_ name: LockName, lockID: String) async throws {
        do {
            try await dynamoDB.deleteItem(.init(
                tableName: table, key: TableKey.lock(name).attributes, conditionExpression: "lockId = :mine",
                expressionAttributeValues: [":mine": .s(lockID)]))
        } catch let error as AWSError where error.code == "ConditionalCheckFailedException" {
            // Expired and taken by someone else: theirs now, nothing to release.
        }
    }
}
