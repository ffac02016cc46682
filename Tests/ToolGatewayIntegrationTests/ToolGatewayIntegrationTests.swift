import DataAccess
import Foundation
import JWT
import PlatformJSON
import Testing
import ToolKit

/// The tool path end to end: MCP client -> local gateway (JWT check) ->
/// request interceptor -> tool Lambda -> response interceptor, all real bootstraps.
@Suite struct ToolGatewayIntegrationTests {
    static func call(_ tool: String, id: Int, arguments: String = "{}") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(tool)","arguments":\#(arguments)}}"#
    }

    static let list = #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#

    func toolNames(_ body: JSONValue?) -> [String] {
        (body?["result"]?["tools"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    @Test func initializeAnswersWithTheProtocolAndASession() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let token = try await stack.userToken(stack.tenantsByTier[.basic]!)
        let answer = try await stack.post(
            #"{"jsonrpc":"2.0","id":"init-1","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
            token: token)
        #expect(answer.status == 200)
        #expect(answer.body?["id"] == "init-1")
        #expect(answer.body?["result"]?["protocolVersion"] == "2025-06-18")
    }

    @Test func eachTierListsOnlyTheToolsAtOrBelowIt() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let basic = try await stack.post(Self.list, token: try await stack.userToken(stack.tenantsByTier[.basic]!))
        #expect(basic.status == 200)
        #expect(toolNames(basic.body) == ["echo", "ghost"])
        #expect(basic.body?["result"]?["tools"]?.arrayValue?.first?["inputSchema"]?["type"] == "object", "schemas come from the tools table")
        let premium = try await stack.post(Self.list, token: try await stack.userToken(stack.tenantsByTier[.premium]!))
        #expect(toolNames(premium.body) == ["echo", "ghost", "tenant-status"])
    }

    @Test func aBasicTenantsEchoComesBackForItsUserWithPIIRedacted() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let tenant = stack.tenantsByTier[.basic]!
        let answer = try await stack.post(
            Self.call("echo", id: 7, arguments: #"{"text":"hello, write to jo.bloggs@example.com"}"#),
            token: try await stack.userToken(tenant, sub: "sam"))
        #expect(answer.status == 200)
        #expect(answer.body?["id"] == 7)
        let result = try #require(answer.body?["result"])
        #expect(result["isError"] == false)
        #expect(result["content"]?.arrayValue?.first?["text"] == "hello, write to [REDACTED]")
        #expect(result["structuredContent"]?["actingSub"] == "sam")
        #expect(result["structuredContent"]?["tenantId"] == .string(tenant.rawValue))
        #expect(!answer.raw.contains("jo.bloggs"))
        #expect(stack.invoker.count("tool-echo") == 1)
    }

    @Test func aPremiumTenantReadsItsOwnRowThroughTheTool() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let tenant = stack.tenantsByTier[.premium]!
        let answer = try await stack.post(Self.call("tenant-status", id: 3), token: try await stack.userToken(tenant))
        #expect(answer.status == 200)
        let structured = try #require(answer.body?["result"]?["structuredContent"])
        #expect(structured["tenantId"] == .string(tenant.rawValue))
        #expect(structured["status"] == "active")
        #expect(structured["tier"] == "premium")
        #expect(structured["ownerEmail"] == "[REDACTED]", "the owner's address is personal data")
        #expect(!answer.raw.contains("owner@"))
    }

    @Test func aPremiumToolFromABasicTenantIsRefusedAndNeverInvoked() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let answer = try await stack.post(Self.call("tenant-status", id: 12), token: try await stack.userToken(stack.tenantsByTier[.basic]!))
        #expect(answer.status == 403)
        #expect(answer.body?["id"] == 12)
        #expect(answer.body?["error"]?["code"] == -32003)
        #expect(stack.invoker.count("request-interceptor") == 1)
        #expect(stack.invoker.count("tool-tenant-status") == 0)
    }

    @Test func aSuspendedTenantGetsNothing() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let token = try await stack.userToken(stack.suspendedTenant)
        let list = try await stack.post(Self.list, token: token)
        #expect(list.status == 403)
        #expect(list.body?["error"]?["code"] == -32003)
        let call = try await stack.post(Self.call("echo", id: 4, arguments: #"{"text":"hi"}"#), token: token)
        #expect(call.status == 403)
        #expect(call.body?["id"] == 4)
        #expect(stack.invoker.count("tool-echo") == 0)
    }

    @Test func noOrABadBearerTokenIsRefusedBeforeAnyInterceptor() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let none = try await stack.post(Self.call("echo", id: 5), token: nil)
        #expect(none.status == 401)
        #expect(none.body?["id"] == 5)
        #expect(none.body?["error"]?["code"] == -32001)
        let forged = try await stack.post(Self.call("echo", id: 6), token: "eyJhbGciOiJub25lIn0.e30.")
        #expect(forged.status == 401)
        #expect(stack.invoker.count("request-interceptor") == 0)
    }

    @Test func malformedRequestsAndUnknownToolsAreJSONRPCErrorsWithTheID() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let token = try await stack.userToken(stack.tenantsByTier[.premium]!)
        let notJSON = try await stack.post("{not json", token: token)
        #expect(notJSON.status == 400)
        #expect(notJSON.body?["id"] == .null)
        #expect(notJSON.body?["error"]?["code"] != nil)
        let noMethod = try await stack.post(#"{"jsonrpc":"2.0","id":9}"#, token: token)
        #expect(noMethod.status == 400)
        #expect(noMethod.body?["id"] == 9)
        let unknownMethod = try await stack.post(#"{"jsonrpc":"2.0","id":10,"method":"tools/destroy"}"#, token: token)
        #expect(unknownMethod.body?["id"] == 10)
        #expect(unknownMethod.body?["error"]?["code"] == -32601)
        let unknownTool = try await stack.post(Self.call("no-such-tool", id: 11), token: token)
        #expect(unknownTool.body?["id"] == 11)
        #expect(unknownTool.body?["error"] != nil)
        #expect(unknownTool.body?["result"] == nil)
        for function in ["tool-echo", "tool-tenant-status"] { #expect(stack.invoker.count(function) == 0) }
    }

    @Test func aTargetThatCannotBeInvokedIsAJSONRPCErrorWithTheID() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let answer = try await stack.post(Self.call("ghost", id: 21), token: try await stack.userToken(stack.tenantsByTier[.basic]!))
        #expect(answer.status == 502)
        #expect(answer.body?["id"] == 21)
        #expect(answer.body?["error"]?["code"] == -32603)
        #expect(stack.invoker.count("tool-ghost") == 1)
    }

    @Test func replayingTheSameRequestIDIsAnsweredIdempotently() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let token = try await stack.userToken(stack.tenantsByTier[.basic]!)
        let request = Self.call("echo", id: 30, arguments: #"{"text":"once"}"#)
        let first = try await stack.post(request, token: token, session: "sess-replay")
        let again = try await stack.post(request, token: token, session: "sess-replay")
        #expect(first.status == 200)
        #expect(again.raw == first.raw)
        let changed = try await stack.post(Self.call("echo", id: 30, arguments: #"{"text":"twice"}"#), token: token, session: "sess-replay")
        #expect(changed.status == 400, "the same id for a different request is refused")
        #expect(changed.body?["id"] == 30)
    }

    // MARK: The tool's own check of the scoped token (invoked directly, as only the gateway should)

    func scopedToken(tool: String, tenant: TenantID, sub: String = "sam", issuedAt: Date = Date(), key: [UInt8]) throws -> String {
        let issued = Int(issuedAt.timeIntervalSince1970)
        return try JWTSigner.signHS256(JWTClaims([
            "iss": "platform-gateway", "aud": .string("tool:\(tool)"), "iat": .number(JSONNumber(issued)),
            "nbf": .number(JSONNumber(issued)), "exp": .number(JSONNumber(issued + 300)), "jti": "jti-1",
            "tenantid": .string(tenant.rawValue), "appid": "app", "tier": "basic", "acting_sub": .string(sub),
            "scope_tool": .string(tool),
        ]), secret: key)
    }

    func event(tool: String, token: String?, tenant: TenantID, sub: String = "sam") -> JSONValue {
        var headers: [(String, JSONValue)] = [("x-tenant-id", .string(tenant.rawValue)), ("x-acting-sub", .string(sub))]
        if let token { headers.append(("Authorization", .string("Bearer \(token)"))) }
        return .object(["toolName": .string(tool), "arguments": ["text": "hi"], "headers": .object(JSONObject(headers))])
    }

    @Test func theToolAcceptsOnlyItsOwnLiveTokenForTheNamedTenant() async throws {
        let stack = try await ToolGatewayStack()
        defer { stack.stop() }
        let tenant = stack.tenantsByTier[.basic]!
        let other = stack.tenantsByTier[.standard]!
        let key = stack.signingKey

        let good = try await stack.invokeTool("tool-echo", event(tool: "echo", token: try scopedToken(tool: "echo", tenant: tenant, key: key), tenant: tenant))
        #expect(good["isError"] == false, "the check can pass")
        #expect(good["structuredContent"]?["tenantId"] == .string(tenant.rawValue))

        let refusals: [(String, JSONValue)] = [
            ("another tool's token", event(tool: "echo", token: try scopedToken(tool: "tenant-status", tenant: tenant, key: key), tenant: tenant)),
            ("expired", event(tool: "echo", token: try scopedToken(tool: "echo", tenant: tenant, issuedAt: Date() - 900, key: key), tenant: tenant)),
            ("another tenant's token", event(tool: "echo", token: try scopedToken(tool: "echo", tenant: other, key: key), tenant: tenant)),
            ("another user's token", event(tool: "echo", token: try scopedToken(tool: "echo", tenant: tenant, sub: "eve", key: key), tenant: tenant)),
            ("wrong key", event(tool: "echo", token: try scopedToken(tool: "echo", tenant: tenant, key: Array(repeating: 7, count: 48)), tenant: tenant)),
            ("no token", event(tool: "echo", token: nil, tenant: tenant)),
        ]
        for (reason, event) in refusals {
            let answer = try await stack.invokeTool("tool-echo", event)
            #expect(answer["isError"] == true, "\(reason)")
            #expect(answer["structuredContent"] == nil, "\(reason): the tool did no work")
            #expect(answer["content"]?.arrayValue?.first?["text"]?.stringValue?.hasPrefix("Tool refused the call") == true, "\(reason)")
        }
    }
}
