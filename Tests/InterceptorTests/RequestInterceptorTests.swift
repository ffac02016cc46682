import DataAccess
import EntraAuth
import FoundationEssentials
import InterceptorKit
import JWT
import LambdaEvents
import Synchronization
import Testing
@testable import RequestInterceptor
import PlatformJSON

@Suite struct RequestInterceptorTests {
    static let secretID = "platform/test/gateway/scoped-token-signing-key"
    static let signingKey = String(repeating: "k", count: 48)
    static let globex = try! TenantID(validating: "globex")
    let store = FakeToolStore.catalogue()
    let idempotency = FakeIdempotencyStore()
    let secrets = FakeSecretSource([secretID: signingKey])
    let clock = ManualClock()
    let jtis = Counter()

    var interceptor: RequestInterceptor {
        let jtis = jtis
        return RequestInterceptor(
            authenticate: FakeAuthenticator.standard.function, entitlement: ToolEntitlement(store: store),
            issuer: ScopedTokenIssuer(
                keys: SigningKeyCache(secretID: Self.secretID, source: secrets, now: clock.function),
                now: clock.function, newJTI: { "jti-\(jtis.next())" }),
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

    /// The claims of the scoped token in a forwarded `Authorization`, checked as a tool checks it.
    func scopedClaims(in authorization: String?, tool: String = "payments-refund") throws -> JWTClaims? {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return nil }
        let validator = JWTValidator(algorithm: .hs256, issuer: "platform-gateway", audience: "tool:\(tool)", leeway: 0)
        return try validator.validate(String(authorization.dropFirst(7)), secret: Array(Self.signingKey.utf8), now: clock.now).claims
    }

    func forwardedAuthorization(_ result: InterceptorResult) throws -> String? {
        let headers = try parse(result)["mcp"]?["transformedGatewayRequest"]?["headers"]?.objectValue
        return headers.flatMap(GatewayHeaders.init(json:))?.single("authorization")
    }

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
        let claims = try #require(try scopedClaims(in: headers.single("authorization")))
        let issued = Int(clock.now.timeIntervalSince1970)
        #expect(claims.values == [
            "iss": "platform-gateway", "aud": "tool:payments-refund", "iat": .number(JSONNumber(issued)),
            "nbf": .number(JSONNumber(issued)), "exp": .number(JSONNumber(issued + 300)), "jti": "jti-1",
            "tenantid": "globex", "appid": "app-p", "tier": "premium", "acting_sub": "pat",
            "scope_tool": "payments-refund", "mcp_session_id": "sess-1",
        ])
        #expect("signed with the Secrets Manager key, not another") {
            try JWTValidator(algorithm: .hs256, issuer: nil, audience: nil)
                .validate(String(headers.single("authorization")!.dropFirst(7)), secret: Array(repeating: 1, count: 48), now: clock.now)
        } throws: { ($0 as? JWTError)?.code == .invalidSignature }
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
        let key = IdempotencyKey.toolCall(sessionID: "sess-1", requestID: 7, actingSub: "pat", toolName: "payments-refund")
        let record = try #require(idempotency.records[.idempotency(Self.globex, key)])
        #expect(record.ttl.rawValue == Int64(clock.now.timeIntervalSince1970) + 1)
        #expect(record.status == .completed)
        #expect(record.responsePayload.map { Array($0.utf8) } == first.output)
    }

    @Test func mintsAfreshAfterTheWindowOrInAnotherSession() async throws {
        _ = await interceptor.handle(event())
        _ = await interceptor.handle(event(session: "sess-2"))
        clock.advance(300)
        let third = await interceptor.handle(event())
        #expect(third.outcome == "pass tools/call")
        #expect(jtis.value == 3)
    }

    @Test func aRequestIdReusedForAnotherToolIsANewCall() async throws {
        _ = await interceptor.handle(event())
        let other = await interceptor.handle(event(tool: "crm-lookup"))
        #expect(other.outcome == "pass tools/call")
        let claims = try #require(try scopedClaims(in: try forwardedAuthorization(other), tool: "crm-lookup"))
        #expect(claims["scope_tool"] == "crm-lookup" && claims["jti"] == "jti-2")
        #expect(idempotency.records.count == 2)
    }

    @Test func anotherUserNeverReceivesTheStoredAnswer() async throws {
        let first = await interceptor.handle(event(token: "premium-token", tool: "crm-lookup"))
        let second = await interceptor.handle(event(token: "standard-token", tool: "crm-lookup"))
        #expect(second.outcome == "pass tools/call")
        #expect(second.output != first.output)
        let claims = try #require(try scopedClaims(in: try forwardedAuthorization(second), tool: "crm-lookup"))
        #expect(claims["acting_sub"] == "sam")
    }

    @Test func refusesToReplayAnIncompleteRecord() async throws {
        let key = IdempotencyKey.toolCall(sessionID: "sess-1", requestID: 7, actingSub: "pat", toolName: "payments-refund")
        idempotency.store(IdempotencyRecord(tenantID: Self.globex, idempotencyKey: key, now: clock.now, window: 300))
        let result = await interceptor.handle(event())
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 500)
        #expect(result.outcome == "internal: idempotency record is incomplete")
    }

    @Test func theReplayCheckComesAfterTheEntitlementCheck() async throws {
        _ = await interceptor.handle(event())
        // The same session and id from a caller whose tier is too low gets no stored token.
        let result = await interceptor.handle(event(token: "standard-token"))
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 403)
    }

    @Test func answersWithTheTwinsRecordWhenItLosesTheRace() async throws {
        let key = IdempotencyKey.toolCall(sessionID: "sess-1", requestID: 7, actingSub: "pat", toolName: "payments-refund")
        let winner = IdempotencyRecord(tenantID: Self.globex, idempotencyKey: key, now: clock.now, window: 300)
            .completed(responsePayload: #"{"winner":true}"#)
        idempotency.loseNextRace(to: winner)
        let result = await interceptor.handle(event())
        #expect(String(decoding: result.output, as: UTF8.self) == #"{"winner":true}"#)
    }

    @Test func withoutASessionThereIsNoIdempotency() async throws {
        let result = await interceptor.handle(event(session: nil))
        #expect(result.outcome == "pass tools/call")
        #expect(idempotency.records.isEmpty)
        let claims = try #require(try scopedClaims(in: try forwardedAuthorization(result)))
        #expect(claims["mcp_session_id"] == nil)
        #expect(claims["jti"] == "jti-1")
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
                now: clock.function, newJTI: { "j" }),
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
        func key(_ session: String, _ id: JSONValue, _ sub: String = "u", _ tool: String = "t") -> IdempotencyKey {
            IdempotencyKey.toolCall(sessionID: session, requestID: id, actingSub: sub, toolName: tool)
        }
        #expect(key("a1", "2") != key("a", "12"))
        #expect(key("s", 7) != key("s", "7"))
        #expect(key("s", 7, "ab", "c") != key("s", 7, "a", "bc"))
        // "mcp:" + SHA-256 of the length-prefixed fields "6:sess-11:73:pat15:payments-refund".
        #expect(key("sess-1", 7, "pat", "payments-refund").rawValue
            == "mcp:9f74b9d25abcb34325d3ed3d80cec9a929c96f87f6613f8e45134e94a7920476")
    }
}

/// A counter for generated ids.
final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int { count.withLock { $0 += 1; return $0 } }
    var value: Int { count.withLock { $0 } }
}
