import AWSCore
import DataAccess
import Foundation
import PlatformTestSupport

/// The dev bootstrap's seed (scripts/dev_bootstrap.py), written through AWSCore.
struct Seed {
    let aws: LocalAWS

    static let tenants: [(id: String, tier: String)] = [("acme-basic", "basic"), ("globex-premium", "premium")]
    static let agents: [(name: String, mode: String, streaming: Bool, tier: String)] = [
        ("echo-agent", "sync", true, "basic"), ("echo-agent-async", "async", false, "basic"),
        ("echo-agent-premium", "sync", true, "premium"),
    ]

    func run() throws {
        try Self.blocking { try await seed() }
    }

    /// Runs `body` to completion from synchronous set-up code.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, any Error>?
        Task {
            do { result = .success(try await body()) } catch { result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try result!.get()
    }

    private func seed() async throws {
        let dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        struct Spec: Decodable {
            struct Table: Decodable { var name: String; var partitionKeyOnly: Bool?; var stream: String? }
            var tables: [Table]
        }
        let spec = try JSONDecoder().decode(Spec.self, from: Data(contentsOf: LocalRuntime.repository
            .appendingPathComponent("infra/tables.json")))
        for table in spec.tables {
            if (try? await dynamoDB.describeTable(table.name)) != nil { continue }
            try await dynamoDB.createTable(.init(
                tableName: table.name, partitionKey: .init("PK"),
                sortKey: table.partitionKeyOnly == true ? nil : .init("SK"), streamViewType: table.stream))
        }
        let now = Date()
        for tenant in Self.tenants {
            let registration = try TenantRegistration(
                tenantId: tenant.id, appId: "\(tenant.id)-app", displayName: tenant.id, tier: tenant.tier,
                ownerEmail: "owner@\(tenant.id).example", ownerTeam: "team", accountId: "123456789012",
                monthlyBudgetUsd: 1000).validated()
            var record = Tenant(registration, now: now)
            record.executionRoleARN = "arn:aws:iam::123456789012:role/platform-tenant-\(tenant.id)-execution"
            // The usage-plan key the authoriser hands the gateway.
            record.apiKeyID = try APIKeyID(validating: "APKSEED-\(tenant.id)")
            try await dynamoDB.putItem(.init(tableName: "platform-tenants", item: try record.item()))
        }
        for agent in Self.agents {
            var version = AgentVersion(
                agentName: try AgentName(validating: agent.name), version: try SemanticVersion(validating: "1.0.0"),
                ownerTeam: "platform", tierMinimum: Tier(rawValue: agent.tier)!,
                invocationMode: InvocationMode(rawValue: agent.mode)!, streamingEnabled: agent.streaming)
            version.status = .promoted
            version.runtimeARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/"
                + agent.name.replacingOccurrences(of: "-", with: "_") + "-local"
            try await dynamoDB.putItem(.init(tableName: "platform-agents", item: try version.item()))
        }
        let ssm = SSMClient(client: try aws.client(.ssm))
        try await ssm.putParameter("/platform/config/runtime-region", value: "eu-west-1")
        try await ssm.putParameter("/platform/config/fallback-region", value: "eu-central-1")
        let s3 = S3Client(client: try aws.client(.s3))
        _ = try? await s3.createBucket("platform-tenant-data")
    }
}
