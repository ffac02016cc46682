import EntraAuth
import FoundationEssentials
import InterceptorKit
import LambdaEvents
import Synchronization
import Testing
@testable import RequestInterceptor
import PlatformJSON

@Suite struct RequestInterceptorTests {
    static let secretID = "platform/test/gateway/scoped-token-signing-key"
    let store = FakeToolStore.catalogue()
    let idempotency = FakeIdempotencyStore()
    let secrets = FakeSecretSource([secretID: String(repeating: "k", count: 48)])
    let clock = ManualClock()
    let jtis = Counter()

    var interceptor: RequestInterceptor {
        let jtis = jtis
        return RequestInterceptor(
            authenticate: FakeAuthenticator.standard.function, entitlement: ToolEntitlement(store: store),
            issuer: ScopedTokenIssuer(
                keys: SigningKeyCache(secretID: Self.secretID, source: secrets, now: clock.function),
                sign: RecordingSigner.sign, now: clock.function, newJTI: { "jti-\(jtis.next())" }),
            idempotency: idempotency, parser: JSONParser(), now: clock.function)
    }

    func event(
        token: String? = "premium-token", session: String? = "sess-1", id: String = "7",
        method: String = "tools/call", tool: String? = "payments-refund", extraHeaders: String = ""
    ) -> [UInt8] {
        var headers: [String] = []
        if let token { headers.append(#""Authorization":"Bearer \#(token)""#) }
        if let session { headers.append(#""Mcp-Session-Id":"\#(session)""#) }
        if !extraHeaders.isEmpty { headers.append(extraHeaders) }
        let params = tool.map { #","params":{"name":"\#($0)","arguments":{"amount":10}}"# } ?? ""
        return Array(#"""
            {"interceptorInputVersion":"1.0","mcp":{"gatewayRequest":{"path":"/mcp","httpMethod":"POST","headers":{\#(headers.joined(separator: ","))},"body":{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)"\#(params)}}}}
            """#.utf8)
    }

    func parse(_ result: InterceptorResult) throws -> JSONValue { try JSONParser().parse(result.output) }

    @Test func allowsAnEntitledCallWithAScopedToken() async throws {
        let result = await interceptor.handle(event(extraHeaders: #""X-Tenant-Id":"evil","X-TIER":"premium","x-acting-sub":"someone""#))
        let output = try parse(result)
        #expect(output["mcp"]?["transformedGatewayResponse"] == nil)
        let request = try #require(output["mcp"]?["transformedGatewayRequest"])
        let headerObject = try #require(request["headers"]?.objectValue)
        let headers = try #require(GatewayHeaders(json: headerObject))
        #expect(headers.values(for: "authorization").count == 1, "the user's token is replaced, not added to")
        #expect(headers.values(for: "x-tier") == ["premium"] && headers.values(for: "x-acting-sub") == ["pat"])
        #expect(headers.values(for: "x-tenant-id") == ["globex"])
        #expect(headers.single("x-app-id") == "app-p")
        #expect(headers.single("x-tier") == "premium")
        #expect(headers.single("x-acting-sub") == "pat")
        #expect(headers.single("Mcp-Session-Id") == "sess-1")
        let claims = try #require(try RecordingSigner.claims(in: headers.single("authorization")))
        let issued = Int(clock.now.timeIntervalSince1970)
        #expect(claims == [
            "iss": "platform-gateway", "aud": "tool:payments-refund", "iat": .number(JSONNumber(issued)),
            "nbf": .number(JSONNumber(issued)), "exp": .number(JSONNumber(issued + 300)), "jti": "jti-1",
            "tenantid": "globex", "appid": "app-p", "tier": "premium", "acting_sub": "pat",
            "scope_tool": "payments-refund", "mcp_session_id": "sess-1",
        ])
        #expect(headers.single("authorization")?.hasSuffix(".48") == true, "signed with the Secrets Manager key")
        #expect(request["body"] == ["jsonrpc": "2.0", "id": 7, "method": "tools/call",
                                    "params": ["name": "payments-refund", "arguments": ["amount": 10]]])
        #expect(result.outcome == "pass tools/call")
        #expect(!String(decoding: result.output, as: UTF8.self).contains("premium-token"), "the user's token never reaches the tool")
    }

    @Test(arguments: [
        ("standard-token", "payments-refund", "forbidden: tier below the tool's minimum"),
        ("tierless-token", "report-builder", "forbidden: tier below the tool's minimum"),
        ("premium-token", "nope", "forbidden: unknown tool"),
        ("premium-token", "legacy-export", "forbidden: tool disabled"),
        ("acme-token", "crm-lookup", "forbidden: tool disabled"),
    ])
    func refusesToolsTheCallerMayNotUse(token: String, tool: String, outcome: String) async throws {
        let result = await interceptor.handle(event(token: token, tool: tool))
        let output = try parse(result)
        #expect(output["mcp"]?["transformedGatewayResponse"] == [
            "statusCode": 403,
            "body": ["jsonrpc": "2.0", "id": 7, "error": ["code": -32003, "message": "Tool not allowed for this caller"]],
        ])
        #expect(output["mcp"]?["transformedGatewayRequest"] == ["headers": .object(JSONObject()), "body": .object(JSONObject())])
        #expect(result.outcome == outcome)
        #expect(secrets.reads == 0, "no token is minted for a refused call")
        #expect(idempotency.records.isEmpty)
    }

    @Test(arguments: [nil, "expired-token"])
    func refusesABadOrExpiredToken(token: String?) async throws {
        let result = await interceptor.handle(event(token: token, id: #""req-1""#))
        let response = try parse(result)["mcp"]?["transformedGatewayResponse"]
        #expect(response?["statusCode"] == 401)
        #expect(response?["body"]?["error"]?["code"] == -32001)
        #expect(response?["body"]?["id"] == "req-1")
        #expect(store.reads == 0, "the tool is not even looked up")
    }

    @Test func refusesRepeatedAuthorizationHeaders() async throws {
        let result = await interceptor.handle(event(extraHeaders: #""AUTHORIZATION":"Bearer basic-token""#))
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 401)
        #expect(result.outcome == "unauthenticated: repeated Authorization header")
    }

    @Test func replaysTheStoredAnswerForARetriedCall() async throws {
        let first = await interceptor.handle(event())
        clock.advance(299)
        let second = await interceptor.handle(event())
        #expect(second.output == first.output)
        #expect(second.outcome == "replay tools/call")
        #expect(jtis.value == 1, "no second token was minted")
        let key = IdempotencyKey.make(tenantId: "globex", sessionId: "sess-1", requestID: 7)
        #expect(idempotency.records[key]?.expiresAt == Int(clock.now.timeIntervalSince1970) + 1)
    }

    @Test func mintsAfreshAfterTheWindowOrInAnotherSession() async throws {
        _ = await interceptor.handle(event())
        _ = await interceptor.handle(event(session: "sess-2"))
        clock.advance(300)
        let third = await interceptor.handle(event())
        #expect(third.outcome == "pass tools/call")
        #expect(jtis.value == 3)
    }

    @Test func refusesARequestIdReusedForAnotherCall() async throws {
        _ = await interceptor.handle(event())
        let other = await interceptor.handle(event(tool: "crm-lookup"))
        #expect(try parse(other)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 400)
        #expect(other.outcome == "malformed: request id reused in this session for a different call")
    }

    @Test func theReplayCheckComesAfterTheEntitlementCheck() async throws {
        _ = await interceptor.handle(event())
        // The same session and id from a caller whose tier is too low gets no stored token.
        let result = await interceptor.handle(event(token: "standard-token"))
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 403)
    }

    @Test func answersWithTheTwinsRecordWhenItLosesTheRace() async throws {
        let winner = IdempotencyRecord(output: #"{"winner":true}"#, actingSub: "pat", toolName: "payments-refund",
                                       expiresAt: Int(clock.now.timeIntervalSince1970) + 300)
        idempotency.loseNextRace(to: winner)
        let result = await interceptor.handle(event())
        #expect(String(decoding: result.output, as: UTF8.self) == #"{"winner":true}"#)
    }

    @Test func withoutASessionThereIsNoIdempotency() async throws {
        let result = await interceptor.handle(event(session: nil))
        #expect(result.outcome == "pass tools/call")
        #expect(idempotency.records.isEmpty)
        let headers = try parse(result)["mcp"]?["transformedGatewayRequest"]?["headers"]
        let claims = try RecordingSigner.claims(in: headers?["Authorization"]?.stringValue)
        #expect(claims?["mcp_session_id"] == nil)
    }

    @Test func cachesTheSigningKey() async throws {
        let interceptor = interceptor
        _ = await interceptor.handle(event(session: nil))
        _ = await interceptor.handle(event(session: nil))
        #expect(secrets.reads == 1)
    }

    @Test(arguments: [
        (#"{"interceptorInputVersion":"1.0"}"#, "malformed: interceptor event field mcp is missing or invalid"),
        ("<html>", "malformed: interceptor event is not acceptable JSON (unexpected byte)"),
        (#"{"mcp":{"gatewayRequest":{"headers":{}}}}"#, "malformed: body is missing"),
        (#"{"mcp":{"gatewayRequest":{"body":"not json"}}}"#, "malformed: gateway body is not acceptable JSON (unexpected byte)"),
        (#"{"mcp":{"gatewayRequest":{"body":[{"jsonrpc":"2.0","id":1,"method":"tools/call"}]}}}"#,
         "malformed: body is not a JSON-RPC object"),
        (#"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"1.0","id":1,"method":"x"}}}}"#, "malformed: jsonrpc is not 2.0"),
        (#"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"2.0","id":1}}}}"#, "malformed: method is missing"),
        (#"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"2.0","id":1.5,"method":"x"}}}}"#,
         "malformed: id is not a string or integer"),
        (#"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"2.0","id":1,"method":"x","params":[]}}}}"#,
         "malformed: params is not an object"),
    ])
    func answersBadInputWithAJSONRPCError(event: String, outcome: String) async throws {
        let result = await interceptor.handle(Array(event.utf8))
        let response = try parse(result)["mcp"]?["transformedGatewayResponse"]
        #expect(response?["statusCode"] == 400)
        #expect(response?["body"]?["error"]?["code"] == -32600)
        #expect(result.outcome == outcome)
    }

    @Test func refusesAToolsCallWithoutIdOrName() async throws {
        let noID = event(id: "1").replacing(Array(#""id":1,"#.utf8), with: [])
        let result = await interceptor.handle(Array(noID))
        #expect(result.outcome == "malformed: id is missing")
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["body"]?["id"] == .null)
        let noName = await interceptor.handle(event(tool: nil))
        #expect(noName.outcome == "malformed: tools/call without params.name")
    }

    @Test func refusesAGiantPayload() async throws {
        let giant = #"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"crm-lookup","arguments":{"blob":""# + String(repeating: "x", count: 1 << 20) + #""}}}}}}"#
        let result = await interceptor.handle(Array(giant.utf8))
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 400)
        #expect(result.outcome.contains("size limit"))
    }

    @Test func passesOtherMethodsWithIdentityButNoToken() async throws {
        let result = await interceptor.handle(event(token: "basic-token", method: "tools/list", tool: nil))
        let headers = try parse(result)["mcp"]?["transformedGatewayRequest"]?["headers"]
        #expect(headers == ["Mcp-Session-Id": "sess-1", "x-tenant-id": "globex", "x-app-id": "app-b",
                            "x-tier": "basic", "x-acting-sub": "bea"])
        #expect(result.outcome == "pass tools/list")
    }

    @Test func passesNotificationsWithoutId() async throws {
        let event = #"{"mcp":{"gatewayRequest":{"headers":{"Authorization":"Bearer basic-token"},"body":"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"}}}"#
        let result = await interceptor.handle(Array(event.utf8))
        #expect(result.outcome == "pass notification")
        let text = String(decoding: result.output, as: UTF8.self)
        #expect(text.contains(#""body":"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}""#))
    }

    @Test func failsClosedWhenADependencyFails() async throws {
        store.fail()
        let lookup = await interceptor.handle(event())
        #expect(try parse(lookup)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 500)
        #expect(lookup.outcome == "internal: tool lookup failed")
    }

    @Test func failsClosedWhenTheIdempotencyTableFails() async throws {
        idempotency.fail()
        let result = await interceptor.handle(event())
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["body"]?["error"]?["code"] == -32603)
        #expect(result.outcome == "internal: idempotency record could not be read")
    }

    @Test func failsClosedWithoutASigningKey() async throws {
        let broken = RequestInterceptor(
            authenticate: FakeAuthenticator.standard.function, entitlement: ToolEntitlement(store: store),
            issuer: ScopedTokenIssuer(
                keys: SigningKeyCache(secretID: "other", source: FakeSecretSource(["other": "short"]), now: clock.function),
                sign: RecordingSigner.sign, now: clock.function, newJTI: { "j" }),
            idempotency: idempotency, parser: JSONParser(), now: clock.function)
        let result = await broken.handle(event())
        #expect(result.outcome == "internal: scoped token could not be issued")
        #expect(!String(decoding: result.output, as: UTF8.self).contains("Bearer"))
    }

    @Test func aKeySetOutageIsAnInternalFailureNotA401() async throws {
        let outage = FakeAuthenticator(principals: [:], failure: .keySetUnavailable)
        let interceptor = RequestInterceptor(
            authenticate: outage.function, entitlement: ToolEntitlement(store: store), issuer: interceptor.issuer,
            idempotency: idempotency, parser: JSONParser(), now: clock.function)
        let result = await interceptor.handle(event())
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 500)
    }

    @Test func idempotencyKeysCannotCollide() {
        let a = IdempotencyKey.make(tenantId: "t", sessionId: "a#1", requestID: "2")
        let b = IdempotencyKey.make(tenantId: "t", sessionId: "a", requestID: "1#2")
        #expect(a != b)
        #expect(IdempotencyKey.make(tenantId: "t", sessionId: "s", requestID: 7)
            != IdempotencyKey.make(tenantId: "t", sessionId: "s", requestID: "7"))
        #expect(IdempotencyKey.make(tenantId: "t", sessionId: "s", requestID: 7) == "gateway#t#1:s#7")
    }
}

/// A counter for generated ids.
final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int { count.withLock { $0 += 1; return $0 } }
    var value: Int { count.withLock { $0 } }
}
