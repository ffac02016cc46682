import AWSCore
import DataAccess
import Foundation
import Testing

extension StackTests {
    /// Sync and streaming invocations through the local API Gateway (authoriser
    /// with real tokens), the bridge binary, the local AgentCore Runtime and the
    /// real echo agent, with moto for AWS.
    @Suite struct BridgeEndToEndIntegrationTests {
        static func records(tenant: String) async throws -> [DynamoDBItem] {
            let stack = try PlatformStack.get()
            return try await DynamoDBClient(client: try stack.aws.client(.dynamoDB)).queryAll(.init(
                tableName: "platform-invocations", keyConditionExpression: "PK = :pk",
                expressionAttributeValues: [":pk": .s("TENANT#\(tenant)")]))
        }

        @Test(arguments: [("hello world", 2, 3), ("Summarise our Q3 support tickets.", 5, 6), ("x", 1, 2)])
        func syncInvocationAnswersTheGoldenShape(input: String, inputTokens: Int, outputTokens: Int) async throws {
            let stack = try PlatformStack.get()
            let answer = try await stack.invoke("echo-agent", "{\"input\":\"\(input)\"}")
            #expect(answer.status == 200)
            #expect(answer.headers["Content-Type"] == "application/json")
            let body = answer.json
            #expect(body["output"] as? String == "echo: \(input)")
            #expect(body["mode"] as? String == "sync")
            #expect(body["status"] as? String == "success")
            #expect(body["agentName"] as? String == "echo-agent")
            #expect(body["agentVersion"] as? String == "1.0.0")
            #expect((body["usage"] as? [String: Any])?["inputTokens"] as? Int == inputTokens)
            #expect((body["usage"] as? [String: Any])?["outputTokens"] as? Int == outputTokens)
            let session = try #require(body["sessionId"] as? String)
            #expect(session.count >= 33 && answer.headers["X-Session-Id"] == session)
            let id = try #require(body["invocationId"] as? String)
            let record = try #require(try await Self.records(tenant: "acme-basic").first { $0["invocationId"] == .s(id) })
            #expect(record["status"] == .s("success") && record["invocationMode"] == .s("sync"))
            #expect(record["runtimeRegion"] == .s("eu-west-1"))
        }

        @Test func streamingArrivesIncrementallyThroughTheBridge() async throws {
            let stack = try PlatformStack.get()
            let answer = try await stack.invoke("echo-agent", #"{"input":"one two three four five","context":{"paceMs":300}}"#,
                                                headers: [("Accept", "text/event-stream")])
            #expect(answer.status == 200)
            #expect(answer.headers["Content-Type"] == "text/event-stream")
            let events = answer.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.count == 7, "six tokens and done")
            #expect(events.last?.contains("\"type\": \"done\"") == true || events.last?.contains("\"type\":\"done\"") == true)
            let first = try #require(answer.chunks.first)
            let last = try #require(answer.chunks.last)
            #expect(answer.chunks.count >= 5, "events arrive as separate chunks")
            #expect(last.at.timeIntervalSince(first.at) > 0.8, "the first event arrives well before the last (1.5 s of pacing)")
            let session = try #require(answer.headers["X-Session-Id"])
            let record = try #require(try await Self.records(tenant: "acme-basic").first { $0["sessionId"] == .s(session) })
            #expect(record["invocationMode"] == .s("streaming"))
            #expect(record["status"] == .s("success"))
            #expect(record["outputTokens"] == .n("6"))
        }

        @Test func agentsListAndDetailFollowTheTier() async throws {
            let stack = try PlatformStack.get()
            let basic = try await stack.call("GET", "/v1/agents")
            let names = (basic.json["items"] as? [[String: Any]])?.compactMap { $0["agentName"] as? String }
            #expect(names == ["echo-agent", "echo-agent-async"])
            let premium = try await stack.call("GET", "/v1/agents/echo-agent-premium", tenant: "globex-premium")
            #expect(premium.status == 200)
            #expect(premium.json["tierMinimum"] as? String == "premium")
            #expect(try await stack.call("GET", "/v1/agents/no-such-agent").status == 404)
        }

        @Test func basicTierCannotInvokeAPremiumAgent() async throws {
            let stack = try PlatformStack.get()
            let answer = try await stack.invoke("echo-agent-premium", #"{"input":"x"}"#)
            #expect(answer.status == 403)
            #expect((answer.json["error"] as? [String: Any])?["code"] as? String == "FORBIDDEN")
            #expect(try await stack.invoke("echo-agent-premium", #"{"input":"x"}"#, tenant: "globex-premium").status == 200)
        }

        @Test(arguments: [#"{"input":""}"#, #"{"input":"x","sessionId":"too-short"}"#, #"{"nope":1}"#, "not json"])
        func badInputIsA400WithNoRecord(body: String) async throws {
            let stack = try PlatformStack.get()
            let before = try await Self.records(tenant: "acme-basic").count
            let answer = try await stack.invoke("echo-agent", body)
            #expect(answer.status == 400)
            #expect((answer.json["error"] as? [String: Any])?["code"] as? String == "INVALID_REQUEST")
            #expect(try await Self.records(tenant: "acme-basic").count == before)
        }

        @Test func overLongInputIsA400() async throws {
            let stack = try PlatformStack.get()
            let answer = try await stack.invoke("echo-agent", "{\"input\":\"\(String(repeating: "a", count: 50_001))\"}")
            #expect(answer.status == 400)
        }

        @Test func unknownAgentIsA404() async throws {
            let stack = try PlatformStack.get()
            #expect(try await stack.invoke("no-such-agent", #"{"input":"x"}"#).status == 404)
        }

        @Test func idempotentRepeatReplaysTheFirstAnswer() async throws {
            let stack = try PlatformStack.get()
            let key = [("Idempotency-Key", "it-\(UUID().uuidString)")]
            let first = try await stack.invoke("echo-agent", #"{"input":"once"}"#, headers: key)
            let second = try await stack.invoke("echo-agent", #"{"input":"once"}"#, headers: key)
            #expect(first.status == 200 && second.status == 200)
            #expect(first.json["invocationId"] as? String == second.json["invocationId"] as? String)
            #expect(try await stack.invoke("echo-agent", #"{"input":"twice"}"#, headers: key).status == 422)
        }
    }
}
