import AWSCore
@testable import DataAccess
import Foundation
import Testing

@Suite struct TenantScopedDynamoDBIntegrationTests {
    @Test func ownRecordsRoundTripThroughEveryOperation() async throws {
        let f = try await IsolationFixture()
        let one = f.session(f.acme, "s1")
        try await f.scoped.put(one, into: f.table, condition: .itemDoesNotExist)
        #expect(try await f.scoped.get(Session.self, from: f.table, key: one.key, consistentRead: true) == one)

        let after = try await f.scoped.update(
            f.table, key: one.key, update: DynamoDBExpression("SET runtimeSessionId = :r", values: [":r": .s("rt-new")]),
            condition: .itemExists)
        #expect(after?["runtimeSessionId"] == .s("rt-new"))

        let two = f.session(f.acme, "s2")
        try await f.scoped.transactWrite([
            .put(two, table: f.table, condition: .itemDoesNotExist),
            .conditionCheck(table: f.table, key: one.key, condition: .itemExists),
        ])
        try await f.scoped.transactWrite([
            .update(table: f.table, key: one.key, update: DynamoDBExpression("SET agentName = :a", values: [":a": .s("echo-agent")]),
                    condition: .itemExists),
        ])
        let both = try await f.scoped.batchGet(Session.self, from: f.table, keys: [one.key, two.key])
        #expect(Set(both.map(\.sessionID.rawValue)) == ["s1", "s2"])

        let page = try await f.scoped.query(Session.self, from: f.table, sortKey: .beginsWith("SESSION#"), newestFirst: true)
        #expect(page.items.map(\.sessionID.rawValue) == ["s2", "s1"])
        #expect(try await f.scoped.query(Session.self, from: f.table, sortKey: .equals("SESSION#s2")).items.count == 1)
        #expect(try await f.scoped.query(Session.self, from: f.table, sortKey: .between("SESSION#s0", "SESSION#s1")).items.count == 1)

        try await f.scoped.delete(from: f.table, key: two.key, condition: .itemExists)
        try await f.scoped.transactWrite([.delete(table: f.table, key: one.key)])
        #expect(try await f.scoped.get(Session.self, from: f.table, key: one.key) == nil)
        #expect(f.reporter.violations.isEmpty)
    }

    @Test func everyCrossTenantOperationIsRefusedCountedAndChangesNothing() async throws {
        let f = try await IsolationFixture()
        // The other tenant's id merely contains the caller's: still another tenant.
        let theirs = f.session(f.evil, "x1")
        try await f.controlPlane.put(theirs, into: f.table)
        let update = DynamoDBExpression("SET runtimeSessionId = :r", values: [":r": .s("stolen")])

        await f.expectRefused("GetItem", target: "acme-evil") { _ = try await f.scoped.get(Session.self, from: f.table, key: theirs.key) }
        await f.expectRefused("PutItem", target: "acme-evil") { try await f.scoped.put(theirs, into: f.table) }
        await f.expectRefused("UpdateItem", target: "acme-evil") { try await f.scoped.update(f.table, key: theirs.key, update: update) }
        await f.expectRefused("DeleteItem", target: "acme-evil") { try await f.scoped.delete(from: f.table, key: theirs.key) }
        await f.expectRefused("BatchGetItem", target: "acme-evil") {
            _ = try await f.scoped.batchGet(Session.self, from: f.table, keys: [f.session(f.acme, "mine").key, theirs.key])
        }
        await f.expectRefused("TransactWriteItems", target: "acme-evil") {
            try await f.scoped.transactWrite([.put(f.session(f.acme, "mine"), table: f.table), .delete(table: f.table, key: theirs.key)])
        }
        await f.expectRefused("Query", target: "acme-evil") {
            _ = try await f.scoped.queryShared(Session.self, from: f.table, partition: "TENANT#acme-evil")
        }
        await f.expectRefused("Scan", target: "*") { try f.scoped.scan(f.table) }

        // Nothing was written, changed or deleted, and the half-valid transaction left no trace.
        #expect(try await f.controlPlane.get(Session.self, from: f.table, key: theirs.key, consistentRead: true) == theirs)
        #expect(try await f.controlPlane.get(Session.self, from: f.table, key: f.session(f.acme, "mine").key) == nil)
    }

    @Test func craftedKeysThatOnlyLookTenantOwnedAreRefused() async throws {
        let f = try await IsolationFixture()
        for partition in ["TENANT#ACME", "TENANT#acme#x", "TENANT#", "IDEMPOTENCY#acme", "IDEMPOTENCY#Bad!#k"] {
            await f.expectRefused("GetItem", target: "?") {
                _ = try await f.scoped.get(Session.self, from: f.table, key: TableKey(partitionKey: partition, sortKey: "X"))
            }
        }
        await f.expectRefused("GetItem", target: "acme-evil") {
            _ = try await f.scoped.get(Session.self, from: f.table, key: TableKey(partitionKey: "TOOL#crm", sortKey: "TENANT#acme-evil"))
        }
        await f.expectRefused("GetItem", target: "acme-evil") {
            _ = try await f.scoped.get(Session.self, from: f.table, key: TableKey(partitionKey: "IDEMPOTENCY#acme-evil#k", sortKey: nil))
        }
        // The caller's own idempotency key and shared rows are fine (absent here, so nil).
        #expect(try await f.scoped.get(Session.self, from: f.table, key: TableKey(partitionKey: "TOOL#crm", sortKey: "GLOBAL")) == nil)
        #expect(try await f.scoped.get(Session.self, from: f.table, key: TableKey(partitionKey: "TOOL#crm", sortKey: "TENANT#acme")) == nil)
    }

    @Test func paginationReturnsEveryOwnItemExactlyOnce() async throws {
        let f = try await IsolationFixture()
        for index in 0..<23 { try await f.controlPlane.put(f.session(f.acme, String(format: "s%02d", index)), into: f.table) }
        for index in 0..<5 { try await f.controlPlane.put(f.session(f.evil, "e\(index)"), into: f.table) }
        var seen: [String] = []
        var token: String?
        repeat {
            let page = try await f.scoped.query(Session.self, from: f.table, limit: 7, nextToken: token)
            #expect(page.items.allSatisfy { $0.tenantID == f.acme })
            seen += page.items.map(\.sessionID.rawValue)
            token = page.nextToken
        } while token != nil
        #expect(seen.count == 23)
        #expect(Set(seen).count == 23)
    }

    @Test func pageTokensCannotLeadIntoAnotherPartition() async throws {
        let f = try await IsolationFixture()
        let forged = try JSONEncoder().encode(["PK": AttributeValue.s("TENANT#acme-evil"), "SK": .s("SESSION#x")])
            .base64EncodedString().replacingOccurrences(of: "=", with: "")
        await f.expectRefused("Query", target: "acme-evil") {
            _ = try await f.scoped.query(Session.self, from: f.table, nextToken: forged)
        }
        let shared = try JSONEncoder().encode(["PK": AttributeValue.s("AGENT#echo"), "SK": .s("VERSION#1")])
            .base64EncodedString().replacingOccurrences(of: "=", with: "")
        await #expect(throws: InvalidPageToken.self) {
            _ = try await f.scoped.query(Session.self, from: f.table, nextToken: shared)
        }
        await #expect(throws: InvalidPageToken.self) {
            _ = try await f.scoped.query(Session.self, from: f.table, nextToken: "%%not-a-token%%")
        }
    }

    @Test func sharedPartitionsAreReadableButNeverLeakAnotherTenantsRow() async throws {
        let f = try await IsolationFixture()
        let name = try ToolName(validating: "crm")
        let global = Tool(toolName: name, tenantID: nil, tierMinimum: .basic, lambdaARN: "arn:aws:lambda:eu-west-2:123456789012:function:crm", enabled: true)
        try await f.controlPlane.put(global, into: f.table)
        let page = try await f.scoped.queryShared(Tool.self, from: f.table, partition: "TOOL#crm", limit: 10)
        #expect(page.items == [global])
        let nextPage = try await f.scoped.queryShared(Tool.self, from: f.table, partition: "TOOL#crm", nextToken: page.nextToken)
        #expect(nextPage.items.count <= 1)

        let override = Tool(toolName: name, tenantID: f.evil, tierMinimum: .premium, lambdaARN: global.lambdaARN, enabled: true)
        try await f.controlPlane.put(override, into: f.table)
        await f.expectRefused("Query", target: "acme-evil") {
            _ = try await f.scoped.queryShared(Tool.self, from: f.table, partition: "TOOL#crm")
        }
    }

    @Test func conditionalConflictsSurfaceAsTheirOwnError() async throws {
        let f = try await IsolationFixture()
        let one = f.session(f.acme, "c1")
        try await f.scoped.put(one, into: f.table, condition: .itemDoesNotExist)
        await #expect(throws: ConditionalWriteConflict(table: f.table, operation: "PutItem")) {
            try await f.scoped.put(one, into: f.table, condition: .itemDoesNotExist)
        }
        let missing = f.session(f.acme, "missing")
        await #expect(throws: ConditionalWriteConflict(table: f.table, operation: "UpdateItem")) {
            try await f.scoped.update(f.table, key: missing.key, update: DynamoDBExpression("SET agentName = :a", values: [":a": .s("x")]),
                                      condition: .itemExists)
        }
        await #expect(throws: ConditionalWriteConflict(table: f.table, operation: "DeleteItem")) {
            try await f.scoped.delete(from: f.table, key: missing.key, condition: .itemExists)
        }
        await #expect(throws: ConditionalWriteConflict(table: f.table, operation: "TransactWriteItems")) {
            try await f.scoped.transactWrite([
                .put(f.session(f.acme, "c2"), table: f.table),
                .conditionCheck(table: f.table, key: missing.key, condition: .itemExists),
            ])
        }
        #expect(try await f.scoped.get(Session.self, from: f.table, key: f.session(f.acme, "c2").key) == nil)
        // Other AWS errors pass through untouched.
        await #expect(throws: AWSError.self) {
            try await f.scoped.put(one, into: "no-such-table-\(UUID().uuidString.prefix(6))")
        }
    }

    @Test func controlPlaneReadsAcrossTenantsAndScansBySortKey() async throws {
        let f = try await IsolationFixture()
        let mine = f.session(f.acme, "m1")
        let theirs = f.session(f.evil, "t1")
        try await f.controlPlane.transactWrite([.put(mine, table: f.table), .put(theirs, table: f.table)])
        #expect(try await f.controlPlane.batchGet(Session.self, from: f.table, keys: [mine.key, theirs.key]).count == 2)
        let touched = try await f.controlPlane.update(f.table, key: theirs.key,
                                                      update: DynamoDBExpression("SET runtimeSessionId = :r", values: [":r": .s("x")]))
        #expect(touched?["runtimeSessionId"] == .s("x"))
        #expect(try await f.controlPlane.query(Session.self, from: f.table, partition: "TENANT#acme-evil").items.count == 1)

        var scanned: [String] = []
        var token: String?
        repeat {
            let page = try await f.controlPlane.scan(Session.self, from: f.table, sortKey: .equals("SESSION#t1"), limit: 1, nextToken: token)
            scanned += page.items.map(\.sessionID.rawValue)
            token = page.nextToken
        } while token != nil
        #expect(scanned == ["t1"])
        let filtered = try await f.controlPlane.scan(
            Session.self, from: f.table, sortKey: .beginsWith("SESSION#m"),
            filter: DynamoDBExpression("#t = :t", names: ["#t": "tenantId"], values: [":t": .s("acme")]))
        #expect(filtered.items == [mine])
        try await f.controlPlane.delete(from: f.table, key: theirs.key)
        #expect(try await f.controlPlane.get(Session.self, from: f.table, key: theirs.key) == nil)
    }
}
