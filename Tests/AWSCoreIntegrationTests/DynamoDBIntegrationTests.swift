import Foundation
import Testing
@testable import AWSCore
import PlatformTestSupport

@Suite struct DynamoDBIntegrationTests {
    typealias DB = DynamoDBClient

    func makeTable(_ db: DB, stream: Bool = false) async throws -> String {
        let name = LocalAWS.unique("platform-jobs")
        let table = try await db.createTable(.init(
            tableName: name, partitionKey: .init("PK"), sortKey: .init("SK"),
            indexAttributes: [.init("status")],
            globalSecondaryIndexes: [.init(name: "byStatus", partitionKey: "status")],
            streamViewType: stream ? "NEW_AND_OLD_IMAGES" : nil))
        #expect(table.tableName == name)
        #expect(try await db.describeTable(name).tableStatus == "ACTIVE")
        return name
    }

    func key(_ tenant: String, _ sort: String) -> DynamoDBItem { ["PK": .s("TENANT#\(tenant)"), "SK": .s(sort)] }

    @Test func itemLifecycleWithConditionsAndExpressions() async throws {
        let aws = try LocalAWS()
        let db = DB(client: try aws.client(.dynamoDB))
        let table = try await makeTable(db)
        let item = key("acme", "JOB#1").merging(["status": .s("pending"), "attempts": .n("0"),
                                                 "tags": .ss(["a"]), "payload": .m(["x": .bool(true)])]) { $1 }
        try await db.putItem(.init(tableName: table, item: item, conditionExpression: "attribute_not_exists(PK)"))
        #expect(try await db.getItem(.init(tableName: table, key: key("acme", "JOB#1"), consistentRead: true)) == item)
        #expect(try await db.getItem(.init(tableName: table, key: key("acme", "JOB#2"))) == nil)

        let duplicate = await #expect(throws: AWSError.self) {
            try await db.putItem(.init(tableName: table, item: item, conditionExpression: "attribute_not_exists(PK)"))
        }
        #expect(duplicate?.code == "ConditionalCheckFailedException")

        let updated = try await db.updateItem(.init(
            tableName: table, key: key("acme", "JOB#1"),
            updateExpression: "SET #s = :running, attempts = attempts + :one",
            conditionExpression: "#s = :pending",
            expressionAttributeNames: ["#s": "status"],
            expressionAttributeValues: [":running": .s("running"), ":pending": .s("pending"), ":one": .n("1")],
            returnValues: .allNew))
        #expect(updated?["status"] == .s("running"))
        #expect(updated?["attempts"] == .n("1"))

        let old = try await db.deleteItem(.init(tableName: table, key: key("acme", "JOB#1"), returnValues: .allOld))
        #expect(old?["status"] == .s("running"))
        #expect(try await db.getItem(.init(tableName: table, key: key("acme", "JOB#1"))) == nil)
    }

    @Test func queryFollowsPagination() async throws {
        let aws = try LocalAWS()
        let db = DB(client: try aws.client(.dynamoDB))
        let table = try await makeTable(db)
        for index in 0..<5 {
            try await db.putItem(.init(tableName: table, item: key("acme", "INV#\(index)").merging(["status": .s("ok")]) { $1 }))
        }
        try await db.putItem(.init(tableName: table, item: key("other", "INV#9")))
        let query = DB.QueryInput(tableName: table, keyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
                                  expressionAttributeValues: [":pk": .s("TENANT#acme"), ":prefix": .s("INV#")],
                                  limit: 2, scanIndexForward: false)
        let first = try await db.query(query)
        #expect(first.items.count == 2)
        #expect(first.items.first?["SK"] == .s("INV#4"))
        #expect(first.lastEvaluatedKey != nil)
        let all = try await db.queryAll(query)
        #expect(all.map { $0["SK"] } == (0..<5).reversed().map { .s("INV#\($0)") })

        let byStatus = try await db.queryAll(.init(tableName: table, indexName: "byStatus",
                                                   keyConditionExpression: "#s = :ok",
                                                   expressionAttributeNames: ["#s": "status"],
                                                   expressionAttributeValues: [":ok": .s("ok")]))
        #expect(byStatus.count == 5)
    }

    @Test func batchGetAndTransactions() async throws {
        let aws = try LocalAWS()
        let db = DB(client: try aws.client(.dynamoDB))
        let table = try await makeTable(db)
        try await db.transactWriteItems([
            .put(.init(tableName: table, item: key("acme", "A"), conditionExpression: "attribute_not_exists(PK)")),
            .put(.init(tableName: table, item: key("acme", "B"))),
        ])
        let batch = try await db.batchGetItem([table: .init(keys: [key("acme", "A"), key("acme", "B"), key("acme", "C")])])
        #expect(Set(batch.responses[table]?.compactMap { $0["SK"] } ?? []) == [.s("A"), .s("B")])
        #expect(batch.unprocessedKeys.isEmpty)

        let cancelled = await #expect(throws: AWSError.self) {
            try await db.transactWriteItems([
                .put(.init(tableName: table, item: key("acme", "C"))),
                .conditionCheck(.init(tableName: table, key: key("acme", "A"), conditionExpression: "attribute_not_exists(PK)")),
            ])
        }
        #expect(cancelled?.code == "TransactionCanceledException")
        #expect(try await db.getItem(.init(tableName: table, key: key("acme", "C"))) == nil)
    }

    @Test func streamRecordsDecode() async throws {
        let aws = try LocalAWS()
        let db = DB(client: try aws.client(.dynamoDB))
        let streams = DynamoDBStreamsClient(client: try aws.client(.dynamoDBStreams))
        let table = try await makeTable(db, stream: true)
        let streamARN = try #require(try await db.describeTable(table).latestStreamARN)
        try await db.putItem(.init(tableName: table, item: key("acme", "JOB#1").merging(["status": .s("pending")]) { $1 }))
        try await db.updateItem(.init(tableName: table, key: key("acme", "JOB#1"), updateExpression: "SET #s = :done",
                                      expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":done": .s("completed")]))
        let shard = try #require(try await streams.shardIDs(streamARN: streamARN).first)
        let iterator = try await streams.shardIterator(streamARN: streamARN, shardID: shard, type: .trimHorizon)
        let page = try await streams.getRecords(shardIterator: iterator)
        #expect(page.records.map(\.eventName) == [.insert, .modify])
        let modify = try #require(page.records.last)
        #expect(modify.keys == key("acme", "JOB#1"))
        #expect(modify.oldImage?["status"] == .s("pending"))
        #expect(modify.newImage?["status"] == .s("completed"))
    }
}
