import AWSCore
import DataAccess
import Foundation
import PlatformTestSupport
import Testing
@testable import TenantAPI

/// The tenant API against moto (signatures checked): real DynamoDB, Secrets
/// Manager, AgentCore control plane, S3, SSM, CloudWatch and EventBridge -> SQS.
@Suite(.serialized) struct TenantAPIIntegrationTests {
    func body(_ id: String, tier: String = "standard") -> String {
        #"{"tenantId":"\#(id)","appId":"\#(id)-app","displayName":"IT \#(id)","tier":"\#(tier)","ownerEmail":"o@it.example","ownerTeam":"it","accountId":"123456789012","monthlyBudgetUsd":100}"#
    }

    @Test func tenantLifecyclePublishesEveryEvent() async throws {
        let prefix = "it" + String(UUID().uuidString.prefix(6)).lowercased()
        let stack = try await LocalStack(tenantPrefix: prefix)
        let id = prefix + "-acme"
        let (created, tenant) = await stack.call("POST", "/v1/tenants", body: body(id))
        #expect(created == 201)
        #expect((tenant["memoryStoreArn"] as? String)?.contains(":memory/") == true)
        let keyID = try #require(tenant["apiKeyId"] as? String)
        let secret = try await SecretsManagerClient(client: try stack.aws.client(.secretsManager))
            .getSecretValue("platform/tenants/\(id)/api-key")
        #expect(secret.secretString?.contains(keyID) == true)

        let (conflict, _) = await stack.call("POST", "/v1/tenants", body: body(id, tier: "premium"))
        #expect(conflict == 409)
        let (_, unchanged) = await stack.call("GET", "/v1/tenants/{tenantId}", path: ["tenantId": id])
        #expect(unchanged["tier"] as? String == "standard")
        #expect((unchanged["usage"] as? [String: Any])?["requestsToday"] as? Int == 0)

        let (tier, _) = await stack.call("PATCH", "/v1/tenants/{tenantId}", path: ["tenantId": id], body: #"{"tier":"premium"}"#,
                                          roles: ["Platform.Operator"])
        #expect(tier == 200)
        let (rotated, rotation) = await stack.call("POST", "/v1/tenants/{tenantId}/api-key/rotate", path: ["tenantId": id],
                                                   tenant: id, roles: ["SelfService.Admin"])
        #expect(rotated == 200)
        #expect(rotation["apiKeyId"] as? String != keyID)
        let (denied, _) = await stack.call("POST", "/v1/tenants/{tenantId}/api-key/rotate", path: ["tenantId": id],
                                           tenant: prefix + "-other", roles: ["SelfService.Admin"])
        #expect(denied == 403)
        let (webhook, hook) = await stack.call("POST", "/v1/webhooks", body: #"{"callbackUrl":"http://127.0.0.1:9/h","events":["job.failed"]}"#,
                                               tenant: id, roles: [])
        #expect(webhook == 201 && hook["secret"] == nil && (hook["signingSecret"] as? String)?.count == 64)
        let (suspended, _) = await stack.call("POST", "/v1/platform/tenants/{tenantId}/suspend", path: ["tenantId": id])
        #expect(suspended == 200)
        let (deleted, _) = await stack.call("DELETE", "/v1/tenants/{tenantId}", path: ["tenantId": id])
        #expect(deleted == 202)

        let received = try await stack.receivedEvents()
        #expect(received.map(\.type).sorted() == [
            "platform.tenant.api_key_rotated", "platform.tenant.created", "platform.tenant.deleted",
            "platform.tenant.tier_changed", "platform.tenant.updated",
        ])
        #expect(received.allSatisfy { $0.detail["tenantId"] as? String == id && ($0.detail["actor"] as? [String: Any])?["sub"] != nil })
        #expect(!received.contains { "\($0.detail)".contains("secret") })
    }

    @Test func adminPaginationSeesEveryTenantOnce() async throws {
        let prefix = "it" + String(UUID().uuidString.prefix(6)).lowercased()
        let stack = try await LocalStack(tenantPrefix: prefix)
        let ids = (1...7).map { "\(prefix)-t\($0)" }
        for id in ids { #expect(await stack.call("POST", "/v1/tenants", body: body(id)).0 == 201) }
        var seen: [String] = []
        var token: String?
        for _ in 0..<20 {
            var query = ["limit": "2"]
            query["nextToken"] = token
            let (status, page) = await stack.call("GET", "/v1/tenants", query: query, roles: ["Platform.Operator"])
            #expect(status == 200)
            let items = page["items"] as? [[String: Any]] ?? []
            #expect(items.count <= 2)
            seen += items.compactMap { $0["tenantId"] as? String }
            token = page["nextToken"] as? String
            if token == nil { break }
        }
        #expect(seen.sorted() == ids.sorted())
        let (bad, error) = await stack.call("GET", "/v1/tenants", query: ["nextToken": "garbage!"])
        #expect(bad == 400)
        #expect(((error["error"] as? [String: Any])?["details"] as? [[String: Any]])?.first?["field"] as? String == "nextToken")
    }

    @Test func agentRegistryAuditExportQuotaAndHealth() async throws {
        let prefix = "it" + String(UUID().uuidString.prefix(6)).lowercased()
        let stack = try await LocalStack(tenantPrefix: prefix)
        let agent = #"{"agentName":"\#(prefix)-agent","version":"1.0.0","ownerTeam":"it","tierMinimum":"basic","invocationMode":"async","runtimeArn":"arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/x-1"}"#
        #expect(await stack.call("POST", "/v1/platform/agents", body: agent).0 == 201)
        let (listed, registry) = await stack.call("GET", "/v1/platform/agents")
        #expect(listed == 200)
        #expect((registry["items"] as? [[String: Any]])?.contains { $0["agentName"] as? String == "\(prefix)-agent" } == true)

        let id = prefix + "-exp"
        #expect(await stack.call("POST", "/v1/tenants", body: body(id)).0 == 201)
        let (exported, export) = await stack.call(
            "GET", "/v1/tenants/{tenantId}/audit-export", path: ["tenantId": id],
            query: ["start": "2020-01-01T00:00:00.000Z", "end": "2100-01-01T00:00:00.000Z"], roles: ["Platform.Operator"])
        #expect(exported == 200)
        let url = try #require(export["downloadUrl"] as? String)
        #expect(url.contains("tenants/\(id)/audit-exports/") && url.contains("X-Amz-Signature="))
        // moto 5.2.1 with authentication on answers every presigned GET with a 500 (see
        // StorageIntegrationTests), so read the object the URL names with a signed GET instead.
        let key = String(try #require(url.firstRange(of: "tenants/")).lowerBound == url.endIndex ? "" :
                         url[url.firstRange(of: "tenants/")!.lowerBound...].prefix { $0 != "?" })
        let object = try await S3Client(client: try stack.aws.client(.s3)).getObject(bucket: stack.environment["DATA_BUCKET"]!, key: key)
        #expect(String(decoding: object.body, as: UTF8.self).contains(#""operation":"tenant.create""#))

        let (quota, report) = await stack.call("GET", "/v1/platform/quota")
        #expect(quota == 200)
        let items = try #require(report["utilisation"] as? [[String: Any]])
        #expect(!items.isEmpty)
        // moto has no Service Quotas data for AgentCore: the report says so instead of inventing a limit.
        #expect(items.allSatisfy { $0["status"] as? String == "unavailable" && ($0["reason"] as? String)?.hasPrefix("Service Quotas: ") == true })
        let (health, state) = await stack.call("GET", "/v1/health")
        #expect(health == 200)
        #expect((state["dependencies"] as? [[String: Any]])?.first?["status"] as? String == "ok")
    }
}
