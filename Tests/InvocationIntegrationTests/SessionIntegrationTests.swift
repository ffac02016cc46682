import AWSCore
import DataAccess
import Foundation
import Testing

extension StackTests {
    /// Tenant-bound runtime sessions through the local platform (ADR 0026): the
    /// real authoriser, bridge and BFF binaries, moto's `platform-sessions`.
    @Suite struct SessionIntegrationTests {
        static func handle() -> String { "it-" + UUID().uuidString.lowercased() + "-session" }

        static func sessionRow(tenant: String, handle: String) async throws -> DynamoDBItem? {
            let stack = try PlatformStack.get()
            return try await DynamoDBClient(client: try stack.aws.client(.dynamoDB)).getItem(.init(
                tableName: "platform-sessions",
                key: ["PK": .s("TENANT#\(tenant)"), "SK": .s("SESSION#\(handle)")], consistentRead: true))
        }

        static func keepalive(_ handle: String, tenant: String = "acme-basic", token: String? = nil) async throws -> PlatformStack.Answer {
            try await PlatformStack.get().call("POST", "/v1/bff/session-keepalive", tenant: tenant, token: token,
                                               body: #"{"sessionId":"\#(handle)","agentName":"echo-agent"}"#)
        }

        @Test func oneHandleInTwoTenantsIsTwoRuntimeSessionsEachRecorded() async throws {
            let stack = try PlatformStack.get()
            let handle = Self.handle()
            let acme = try await stack.invoke("echo-agent", #"{"input":"hi","sessionId":"\#(handle)"}"#)
            let globex = try await stack.invoke("echo-agent", #"{"input":"hi","sessionId":"\#(handle)"}"#,
                                                tenant: "globex-premium")
            #expect(acme.status == 200 && globex.status == 200)
            #expect(acme.headers["X-Session-Id"] == handle && acme.json["sessionId"] as? String == handle)
            let mine = try #require(try await Self.sessionRow(tenant: "acme-basic", handle: handle))
            let theirs = try #require(try await Self.sessionRow(tenant: "globex-premium", handle: handle))
            guard case .s(let mineRuntime)? = mine["runtimeSessionId"], case .s(let theirRuntime)? = theirs["runtimeSessionId"] else {
                Issue.record("no runtime session ids recorded")
                return
            }
            #expect(mineRuntime != theirRuntime && mineRuntime != handle && mineRuntime.count == 64)
            #expect(mine["subject"] == .s("user@acme-basic") && mine["agentName"] == .s("echo-agent"))
            #expect(mine["createdAt"] != nil && mine["lastUsedAt"] != nil && mine["ttl"] != nil)
        }

        @Test func keepaliveReachesARealSessionOnlyForItsOwner() async throws {
            let stack = try PlatformStack.get()
            let handle = Self.handle()
            #expect(try await stack.invoke("echo-agent", #"{"input":"hi","sessionId":"\#(handle)"}"#).status == 200)
            let kept = try await Self.keepalive(handle)
            #expect(kept.status == 202)
            #expect(kept.json["sessionId"] as? String == handle && kept.json["status"] as? String == "accepted")
            // The same handle in another tenant names nothing there.
            #expect(try await Self.keepalive(handle, tenant: "globex-premium").status == 404)
        }

        @Test func anotherUserOfTheTenantCannotJoinOrKeepTheSession() async throws {
            let stack = try PlatformStack.get()
            let handle = Self.handle()
            #expect(try await stack.invoke("echo-agent", #"{"input":"hi","sessionId":"\#(handle)"}"#).status == 200)
            let other = try await stack.identity.token(
                #"{"tenantid":"acme-basic","appid":"acme-basic-app","tier":"basic","sub":"other@acme-basic","roles":[]}"#)
            let joined = try await stack.invoke("echo-agent", #"{"input":"hi","sessionId":"\#(handle)"}"#, token: other)
            #expect(joined.status == 409)
            #expect((joined.json["error"] as? [String: Any])?["code"] as? String == "CONFLICT")
            #expect(try await Self.keepalive(handle, token: other).status == 404)
            #expect(try await Self.sessionRow(tenant: "acme-basic", handle: handle)?["subject"] == .s("user@acme-basic"))
        }

        @Test func theLongestSessionIdIsInvokedAndRecorded() async throws {
            let stack = try PlatformStack.get()
            let handle = "L" + String(repeating: "0123456789abcdef", count: 16).dropFirst()
            let answer = try await stack.invoke("echo-agent", #"{"input":"hi","sessionId":"\#(handle)"}"#)
            #expect(handle.count == 256 && answer.status == 200)
            let id = try #require(answer.json["invocationId"] as? String)
            let record = try #require(try await BridgeEndToEndIntegrationTests.records(tenant: "acme-basic")
                .first { $0["invocationId"] == .s(id) })
            #expect(record["sessionId"] == .s(handle))
        }
    }
}
