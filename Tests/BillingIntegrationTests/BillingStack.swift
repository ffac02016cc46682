import AWSCore
import DataAccess
import Foundation
import PlatformTestSupport

/// Tables, pricing, and an EventBridge rule -> SQS queue on moto for one billing test.
/// Tenant ids and table names are unique to the test, so parallel tests never meet.
struct BillingStack {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The local stack's prices (infra/platform_infra/config.py), so writing them never disturbs another test.
    static let pricing = ["basic": #"{"input_1k": 0.003, "output_1k": 0.015}"#,
                          "premium": #"{"input_1k": 0.002, "output_1k": 0.01}"#]

    let aws: LocalAWS
    let dynamoDB: DynamoDBClient
    let sqs: SQSClient
    let queueURL: String
    /// The function's environment: AWS settings plus the table names.
    let environment: [String: String]
    let tenantsTable: String
    let invocationsTable: String
    let run = LocalAWS.unique("t")

    init(tenantSuffixes: [String]) async throws {
        aws = try LocalAWS()
        dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        let tables = try await Self.createTables(["platform-tenants", "platform-invocations"], in: dynamoDB)
        tenantsTable = tables["TENANTS_TABLE"]!
        invocationsTable = tables["INVOCATIONS_TABLE"]!
        environment = aws.environment.merging(tables) { $1 }

        let ssm = SSMClient(client: try aws.client(.ssm))
        for (tier, json) in Self.pricing {
            try await ssm.putParameter("/platform/billing/pricing/\(tier)", value: json)
        }

        sqs = SQSClient(client: try aws.client(.sqs))
        queueURL = try await sqs.createQueue(name: LocalAWS.unique("budget-events"))
        let queueARN = "arn:aws:sqs:\(aws.region):123456789012:\(queueURL.split(separator: "/").last!)"
        let events = EventBridgeClient(client: try aws.client(.eventBridge))
        let tenantIDs = tenantSuffixes.map { "\(run)-\($0)" }
        let ids = tenantIDs.map { "\"\($0)\"" }.joined(separator: ",")
        let rule = LocalAWS.unique("budget-exceeded")
        _ = try await events.putRule(name: rule, eventPattern:
            #"{"source":["platform.tenants"],"detail-type":["platform.tenant.budget_exceeded"],"detail":{"tenantId":[\#(ids)]}}"#)
        try await events.putTargets(rule: rule, targets: ["queue": queueARN])
    }

    func tenantID(_ suffix: String) -> String { "\(run)-\(suffix)" }

    /// A METADATA row shaped like the ones tenant-api and the dev bootstrap write.
    func putTenant(_ suffix: String, tier: String = "basic", status: String = "active", budget: String) async throws {
        let id = tenantID(suffix)
        let item: DynamoDBItem = [
            "PK": .s("TENANT#\(id)"), "SK": .s("METADATA"), "tenantId": .s(id), "appId": .s("\(id)-app"),
            "displayName": .s("Tenant \(suffix)"), "tier": .s(tier), "status": .s(status),
            "createdAt": .s("2031-01-01T00:00:00.000Z"), "updatedAt": .s("2031-01-01T00:00:00.000Z"),
            "provisioningStatus": .s("ready"), "ownerEmail": .s("owner@\(id).example"), "ownerTeam": .s("team"),
            "accountId": .s("123456789012"), "runtimeRegion": .s("eu-west-1"), "fallbackRegion": .s("eu-central-1"),
            "monthlyBudgetUsd": .n(budget),
        ]
        _ = try await dynamoDB.putItem(.init(tableName: tenantsTable, item: item))
    }

    func putInvocation(_ suffix: String, at timestamp: String, input: Int, output: Int) async throws {
        let id = try TenantID(validating: tenantID(suffix))
        let record = Invocation(
            invocationID: try InvocationID(validating: UUID().uuidString.lowercased()), tenantID: id, appID: "\(id.rawValue)-app",
            agentName: try AgentName(validating: "echo-agent"), agentVersion: try SemanticVersion(validating: "1.0.0"),
            sessionID: try SessionID(validating: "sess-" + UUID().uuidString), inputTokens: input, outputTokens: output,
            latencyMs: 42, status: .success, runtimeRegion: try AWSRegion(validating: "eu-west-1"), invocationMode: .sync,
            timestamp: try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(timestamp))
        _ = try await dynamoDB.putItem(.init(tableName: invocationsTable, item: try record.item()))
    }

    func tenantItem(_ suffix: String) async throws -> DynamoDBItem? {
        try await dynamoDB.getItem(.init(tableName: tenantsTable, key: ["PK": .s("TENANT#\(tenantID(suffix))"), "SK": .s("METADATA")],
                                         consistentRead: true))
    }

    func billingItem(_ suffix: String, month: String) async throws -> DynamoDBItem? {
        try await dynamoDB.getItem(.init(tableName: tenantsTable,
                                         key: ["PK": .s("TENANT#\(tenantID(suffix))"), "SK": .s("BILLING#\(month)")],
                                         consistentRead: true))
    }

    func budgetEvents(waitSeconds: Int = 1) async throws -> [[String: Any]] {
        try await sqs.receiveMessages(queueURL: queueURL, max: 10, waitSeconds: waitSeconds).map { message in
            try JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// Creates a private copy of each table, as the local stack's template defines it; returns `envVar` -> name.
    static func createTables(_ names: [String], in dynamoDB: DynamoDBClient) async throws -> [String: String] {
        try await DeployedTables.createCopies(names, in: dynamoDB)
    }
}
