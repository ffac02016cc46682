import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

/// Tool, OpsLock, APIKeyRecord, IdempotencyRecord and AuditRecord.
@Suite struct OperationalRecordTests {
    @Test func toolsHaveTenantAndGlobalRows() throws {
        let global = Tool(toolName: Fixtures.id("search"), tenantID: nil, tierMinimum: .standard, lambdaARN: "arn:l", enabled: true)
        let (decoded, item) = try Fixtures.roundTrip(global)
        #expect(decoded == global && item["SK"] == .s("GLOBAL") && item["tenantId"] == nil)
        #expect(Set(item.keys) == ["PK", "SK", "toolName", "tierMinimum", "lambdaArn", "enabled"])
        var scoped = global
        scoped.tenantID = Fixtures.tenant()
        var scopedItem = try Fixtures.roundTrip(scoped).1
        #expect(scopedItem["SK"] == .s("TENANT#acme") && scopedItem["tenantId"] == .s("acme"))
        scopedItem["tenantId"] = nil
        #expect(Fixtures.decodingError(Tool.self, scopedItem)?.code == .keyMismatch, "a tenant row cannot pass as GLOBAL")
        #expect(global.allows(.premium) && global.allows(.standard) && !global.allows(.basic))
        scoped.enabled = false
        #expect(!scoped.allows(.premium))
    }

    @Test func locksAreHeldUntilTheyExpire() throws {
        let lock = OpsLock(lockName: OpsLock.runtimeFailover, lockID: "L1", owner: "bridge", now: Fixtures.now)
        #expect(lock.expiresAt.rawValue == 1_795_610_396 && lock.ttl == lock.expiresAt)
        let (decoded, item) = try Fixtures.roundTrip(lock)
        #expect(decoded == lock && item["expiresAt"] == .n("1795610396"))
        #expect(Set(item.keys) == ["PK", "SK", "lockName", "lockId", "owner", "acquiredAt", "expiresAt", "ttl"])
        #expect(lock.isLive(at: Fixtures.now.addingTimeInterval(299)))
        #expect(!lock.isLive(at: Fixtures.now.addingTimeInterval(301)))
        try OpsLock.verifyHeld(lock, lockID: "L1", now: Fixtures.now)
        #expect(throws: LockCheckError.notHeld) { try OpsLock.verifyHeld(nil, lockID: "L1", now: Fixtures.now) }
        #expect(throws: LockCheckError.mismatch) { try OpsLock.verifyHeld(lock, lockID: "L2", now: Fixtures.now) }
        #expect(throws: LockCheckError.expired) { try OpsLock.verifyHeld(lock, lockID: "L1", now: Fixtures.now.addingTimeInterval(400)) }
        #expect([LockCheckError.notHeld, .expired, .mismatch].map(\.code) == ["LOCK_NOT_HELD", "LOCK_EXPIRED", "LOCK_MISMATCH"])
        let short = OpsLock(lockName: Fixtures.id("x"), lockID: "L", owner: "cli", now: Fixtures.now, duration: 10)
        #expect(short.expiresAt.rawValue == 1_795_610_106)
    }

    @Test func apiKeysCanBeRevoked() throws {
        let key = APIKeyRecord(keyID: Fixtures.id("AKIDEXAMPLE1"), tenantID: Fixtures.tenant(), secretARN: "arn:s", now: Fixtures.now)
        #expect(key.status == .active && key.revokedAt == nil)
        let revoked = key.revoked(now: Fixtures.now.addingTimeInterval(5))
        #expect(revoked.status == .revoked && revoked.revokedAt == Fixtures.now.addingTimeInterval(5))
        let (decoded, item) = try Fixtures.roundTrip(revoked)
        #expect(decoded == revoked && item["SK"] == .s("APIKEY#AKIDEXAMPLE1"))
        #expect(Set(item.keys) == ["PK", "SK", "keyId", "tenantId", "secretArn", "status", "createdAt", "revokedAt"])
    }

    @Test func idempotencyRecordsCompleteAndExpire() throws {
        let key = try IdempotencyKey(validating: "req-1")
        let claim = IdempotencyRecord(tenantID: Fixtures.tenant(), idempotencyKey: key, now: Fixtures.now)
        #expect(claim.status == .inProgress && claim.responsePayload == nil)
        #expect(claim.isLive(at: Fixtures.now.addingTimeInterval(86_399)) && !claim.isLive(at: Fixtures.now.addingTimeInterval(86_400)))
        let done = claim.completed(responsePayload: #"{"jobId":"j1"}"#)
        let (decoded, item) = try Fixtures.roundTrip(done)
        #expect(decoded == done && item["PK"] == .s("IDEMPOTENCY#acme#req-1") && item["SK"] == nil)
        #expect(item["status"] == .s("completed") && item["key"] == .s("req-1"))
        #expect(Set(item.keys) == ["PK", "tenantId", "key", "status", "responsePayload", "createdAt", "ttl"])
        let mcp = IdempotencyRecord(tenantID: Fixtures.tenant(), idempotencyKey: key, now: Fixtures.now, window: Retention.interceptorIdempotency)
        #expect(mcp.ttl.rawValue == 1_795_610_396 && mcp.requestHash == nil)
        let invoke = IdempotencyRecord(tenantID: Fixtures.tenant(), idempotencyKey: key, now: Fixtures.now, requestHash: "abc")
        let (hashed, hashedItem) = try Fixtures.roundTrip(invoke.completed(responsePayload: "{}"))
        #expect(hashed.requestHash == "abc" && hashedItem["requestHash"] == .s("abc"))
    }

    @Test func auditRecordsLiveUnderThePlatformTenant() throws {
        let audit = AuditRecord(auditID: Fixtures.id("a1"), actor: "sub-1", targetTenant: Fixtures.tenant(),
                                operation: "tenant.suspend", outcome: .succeeded, timestamp: Fixtures.now)
        #expect(audit.tenantID == .platform)
        let (decoded, item) = try Fixtures.roundTrip(audit)
        #expect(decoded == audit)
        #expect(item["PK"] == .s("TENANT#platform") && item["SK"] == .s("AUDIT#2026-11-25T12:34:56.789Z#a1"))
        #expect(Set(item.keys) == ["PK", "SK", "auditId", "actor", "tenantId", "targetTenant", "operation", "outcome", "timestamp"])
    }
}
