import AWSCore
import DataAccess
import Foundation
import Testing

extension StackTests {
    /// The bridge binary, hosted by the local platform, in front of the local
    /// AgentCore Runtime and the real echo agent, with moto for AWS.
    @Suite struct BridgeEndToEndIntegrationTests {
        static func event(_ method: String, resource: String, path: String, tenant: String = "acme-basic",
                          tier: String = "basic", pathParameters: [String: String] = [:], headers: [String: String] = [:],
                          body: String? = nil) -> [String: Any] {
            [
                "resource": resource, "path": path, "httpMethod": method, "headers": headers,
                "pathParameters": pathParameters, "isBase64Encoded": false, "body": body as Any,
                "requestContext": [
                    "accountId": "123456789012", "apiId": "localapi01", "stage": "local", "requestId": UUID().uuidString,
                    "resourcePath": resource, "path": path, "httpMethod": method, "requestTimeEpoch": 0,
                    "identity": [:] as [String: String],
                    "authorizer": ["tenantId": tenant, "appId": "\(tenant)-app", "tier": tier, "sub": "user@\(tenant)",
                                   "roles": "[]", "principalId": "user@\(tenant)"],
                ] as [String: Any],
            ]
        }

        static func invoke(_ agent: String, _ body: String, tenant: String = "acme-basic", tier: String = "basic",
                           headers: [String: String] = [:]) -> [String: Any] {
            event("POST", resource: "/v1/agents/{agentName}/invoke", path: "/v1/agents/\(agent)/invoke", tenant: tenant,
                  tier: tier, pathParameters: ["agentName": agent], headers: headers, body: body)
        }

        /// Splits an HTTP-integration stream into prelude and body.
        static func split(_ chunks: [PlatformStack.Received]) throws -> (prelude: [String: Any], body: String) {
            let all = chunks.reduce(into: Data()) { $0.append($1.bytes) }
            let separator = Data(repeating: 0, count: 8)
            let range = try #require(all.range(of: separator))
            let prelude = try #require(try JSONSerialization.jsonObject(with: all[..<range.lowerBound]) as? [String: Any])
            return (prelude, String(decoding: all[range.upperBound...], as: UTF8.self))
        }

        @Test func syncInvocationAnswersTheGoldenShape() async throws {
            let stack = try PlatformStack.get()
            let chunks = try await stack.invokeBridge(Self.invoke("echo-agent", #"{"input":"hello world"}"#))
            let (prelude, body) = try Self.split(chunks)
            #expect(prelude["statusCode"] as? Int == 200)
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(answer["output"] as? String == "echo: hello world")
            #expect(answer["mode"] as? String == "sync")
            #expect((answer["usage"] as? [String: Any])?["inputTokens"] as? Int == 2)
            #expect((answer["usage"] as? [String: Any])?["outputTokens"] as? Int == 3)
            let session = try #require(answer["sessionId"] as? String)
            #expect(session.count >= 33)
            try await expectInvocationRecord(tenant: "acme-basic", id: try #require(answer["invocationId"] as? String),
                                             status: "success", mode: "sync")
        }

        @Test func streamingArrivesIncrementallyThroughTheBridge() async throws {
            let stack = try PlatformStack.get()
            let chunks = try await stack.invokeBridge(Self.invoke(
                "echo-agent", #"{"input":"one two three four five","context":{"paceMs":200}}"#,
                headers: ["Accept": "text/event-stream"]))
            let (prelude, body) = try Self.split(chunks)
            #expect(prelude["statusCode"] as? Int == 200)
            #expect((prelude["headers"] as? [String: String])?["Content-Type"] == "text/event-stream")
            let events = body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.count == 7, "six tokens and done")
            #expect(events.last?.contains("\"type\": \"done\"") == true || events.last?.contains("\"type\":\"done\"") == true)
            let first = try #require(chunks.first(where: { String(decoding: $0.bytes, as: UTF8.self).contains("token") }))
            let last = try #require(chunks.last)
            #expect(last.at.timeIntervalSince(first.at) > 0.8, "the first event arrives well before the last")
            let session = try #require((prelude["headers"] as? [String: String])?["X-Session-Id"])
            let dynamoDB = DynamoDBClient(client: try stack.aws.client(.dynamoDB))
            let records = try await dynamoDB.queryAll(.init(
                tableName: "platform-invocations", keyConditionExpression: "PK = :pk",
                expressionAttributeValues: [":pk": .s("TENANT#acme-basic")]))
            let record = try #require(records.first { $0["sessionId"] == .s(session) })
            #expect(record["invocationMode"] == .s("streaming"))
            #expect(record["status"] == .s("success"))
            #expect(record["outputTokens"] == .n("6"))
        }

        @Test func basicTierCannotInvokeAPremiumAgent() async throws {
            let stack = try PlatformStack.get()
            let (prelude, body) = try Self.split(try await stack.invokeBridge(Self.invoke("echo-agent-premium", #"{"input":"x"}"#)))
            #expect(prelude["statusCode"] as? Int == 403)
            #expect(body.contains("FORBIDDEN"))
        }

        @Test func malformedSessionIsA400() async throws {
            let stack = try PlatformStack.get()
            let (prelude, body) = try Self.split(try await stack.invokeBridge(Self.invoke(
                "echo-agent", #"{"input":"x","sessionId":"too-short"}"#)))
            #expect(prelude["statusCode"] as? Int == 400)
            #expect(body.contains("sessionId"))
        }

        func expectInvocationRecord(tenant: String, id: String, status: String, mode: String) async throws {
            let stack = try PlatformStack.get()
            let dynamoDB = DynamoDBClient(client: try stack.aws.client(.dynamoDB))
            let items = try await dynamoDB.queryAll(.init(
                tableName: "platform-invocations", keyConditionExpression: "PK = :pk",
                expressionAttributeValues: [":pk": .s("TENANT#\(tenant)")]))
            let record = try #require(items.first { $0["invocationId"] == .s(id) })
            #expect(record["status"] == .s(status))
            #expect(record["invocationMode"] == .s(mode))
        }
    }
}
