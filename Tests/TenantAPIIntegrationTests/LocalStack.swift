import AWSCore
import DataAccess
import Foundation
import LambdaEvents
import PlatformTestSupport
@testable import TenantAPI

/// The tenant API wired to moto exactly as in Lambda (`TenantAPIDependencies.aws`),
/// with tables, bucket and an EventBridge rule -> SQS queue of its own.
struct LocalStack {
    let aws: LocalAWS
    let api: TenantAPI
    let environment: [String: String]
    let dynamoDB: DynamoDBClient
    let sqs: SQSClient
    let queueURL: String
    let suffix: String

    /// `tenantPrefix` makes this run's tenant ids unique; the rule only forwards their events.
    init(tenantPrefix: String) async throws {
        aws = try LocalAWS()
        suffix = String(UUID().uuidString.prefix(8)).lowercased()
        var environment = aws.environment
        dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        // Private copies of the deployed tables (the local stack's template defines them).
        environment.merge(try await DeployedTables.createCopies(
            ["platform-tenants", "platform-agents", "platform-ops-locks", "platform-invocations"], in: dynamoDB)) { $1 }
        environment["DATA_BUCKET"] = "it-data-\(suffix)"
        environment["PLATFORM_ENV"] = "local"
        environment["WEBHOOK_LOCAL_RECEIVERS"] = "127.0.0.1:9"
        environment["AGENTCORE_SESSIONS_QUOTA_CODE"] = "L-AGENTCORE-SESSIONS"
        self.environment = environment
        try await S3Client(client: try aws.client(.s3)).createBucket(environment["DATA_BUCKET"]!)
        sqs = SQSClient(client: try aws.client(.sqs))
        queueURL = try await sqs.createQueue(name: "it-events-\(suffix)")
        let events = EventBridgeClient(client: try aws.client(.eventBridge))
        let rule = "it-tenant-events-\(suffix)"
        let pattern = #"{"source":["platform.tenants","platform.agents"],"detail":{"tenantId":[{"prefix":"\#(tenantPrefix)"}]}}"#
        _ = try await events.putRule(name: rule, eventPattern: pattern)
        let queueARN = "arn:aws:sqs:\(aws.region):123456789012:\(queueURL.split(separator: "/").last!)"
        try await events.putTargets(rule: rule, targets: ["queue": queueARN])
        api = TenantAPI(dependencies: try .aws(environment: environment) { _, _, _ in })
    }

    /// The detail-types of every event the rule delivered so far, with their details.
    func receivedEvents() async throws -> [(type: String, detail: [String: Any])] {
        var all: [(String, [String: Any])] = []
        for _ in 0..<10 {
            let messages = try await sqs.receiveMessages(queueURL: queueURL, max: 10, waitSeconds: 0)
            if messages.isEmpty { break }
            for message in messages {
                let envelope = try JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any] ?? [:]
                all.append((envelope["detail-type"] as? String ?? "", envelope["detail"] as? [String: Any] ?? [:]))
            }
        }
        return all
    }

    func call(_ method: String, _ resource: String, path: [String: String] = [:], query: [String: String]? = nil,
              body: String? = nil, tenant: String = "platform", roles: [String] = ["Platform.Admin"]) async -> (Int, [String: Any]) {
        var concrete = resource
        for (name, value) in path { concrete = concrete.replacing("{\(name)}", with: value) }
        let rolesJSON = String(decoding: try! JSONEncoder().encode(roles), as: UTF8.self)
        let request = APIGatewayProxyRequest(
            resource: resource, path: concrete, httpMethod: method, headers: [:], multiValueHeaders: nil,
            queryStringParameters: query, multiValueQueryStringParameters: nil, pathParameters: path.isEmpty ? nil : path,
            requestContext: .init(accountId: "123456789012", apiId: "it", stage: "v1", requestId: "it-\(suffix)",
                                  resourcePath: resource, path: concrete, httpMethod: method, requestTimeEpoch: 0, identity: .init(),
                                  authorizer: ["tenantId": tenant, "appId": "\(tenant)-app", "tier": "premium", "sub": "it@\(tenant)",
                                               "roles": rolesJSON]),
            body: body, isBase64Encoded: false)
        let response = await api.handle(request)
        let json = (try? JSONSerialization.jsonObject(with: Data((response.body ?? "{}").utf8))) as? [String: Any] ?? [:]
        return (response.statusCode, json)
    }
}
