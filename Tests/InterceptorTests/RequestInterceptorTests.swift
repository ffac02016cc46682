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
    let tenants: FakeTenantStore
    let idempotency = FakeIdempotencyStore()
    let secrets = FakeSecretSource([secretID: signingKey])
    let clock: ManualClock
    let jtis = Counter()

    var interceptor: RequestInterceptor {
        let jtis = jtis
        return RequestInterceptor(
            authenticate: FakeAuthenticator.standard.function, tenants: tenantCache, entitlement: ToolEntitlement(store: store),
            issuer: ScopedTokenIssuer(
                keys: SigningKeyCache(secretID: Self.secretID, source: secrets, now: clock.function),
                now: clock.function, newJTI: { "jti-\(jtis.next())" }),
            idempotency: idempotency, parser: JSONParser(), now: clock.function)
    }

    /// One cache per test, as one per Lambda instance.
    let tenantCache: TenantStandingCache

    init() {
        tenants = FakeTenantStore.catalogue()
        clock = ManualClock()
        tenantCache = TenantStandingCache(store: tenants, now: clock.function)
    }

    func event(
        token: String? = "premium-token", session: String? = "sess-1", id: String = "7",
        method: String = "tools/call", tool: String? = "payments-refund", arguments: String = #"{"amount":10}"#,
        extraHeaders: String = ""
    ) -> [UInt8] {
        var headers: [String] = []
        if let token { headers.append(#""Authorization":"Bearer \#(token)""#) }
        if let session { headers.append(#""Mcp-Session-Id":"\#(session)""#) }
        if !extraHeaders.isEmpty { headers.append(extraHeaders) }
        let params = tool.map { #","params":{"name":"\#($0)","arguments":\#(arguments)}"# } ?? ""
        return Array(#"""
            {"interceptorInputVersion":"1.0","mcp":{"gatewayRequest":{"path":"/mcp","httpMethod":"POST","headers":{\#(headers.joined(separator: ","))},"body":{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)"\#(params)}}}}
            """#.utf8)
    }

    func parse(_ result: InterceptorResult) throws -> JSONValue { try JSONParser().parse(result.output) }

    /// The key of the default event's call (globex's pat, app-p, payments-refund, session sess-1, id 7).
    static let defaultKey = IdempotencyKey.toolCall(
        sessionID: "sess-1", requestID: 7, tenantID: globex, appID: "app-p", actingSub: "pat", toolName: "payments-refund")

    /// The digest of the default event's request.
    static var defaultDigest: String {
        ToolCallReplay.digest(of: try! MCPMessage(document: [
            "jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": ["name": "payments-refund", "arguments": ["amount": 10]],
        ]))
    }

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
        ("liar-token", "report-builder", "forbidden: tier below the tool's minimum"),
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
        #expect(store.reads == 0 && tenants.reads == 0, "neither the tenant nor the tool is even looked up")
    }

    @Test func refusesRepeatedAuthorizationHeaders() async throws {
        let result = await interceptor.handle(event(extraHeaders: #""AUTHORIZATION":"Bearer basic-token""#))
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 401)
        #expect(result.outcome == "unauthenticated: repeated Authorization header")
    }

    @Test func replaysARetriedCallWithATokenMintedFromTheStoredGrant() async throws {
        let first = await interceptor.handle(event())
        clock.advance(299)
        let second = await interceptor.handle(event())
        #expect(second.output == first.output, "the same jti and iat: the very same token, minted again")
        #expect(second.outcome == "replay tools/call")
        #expect(jtis.value == 1, "no second grant was made")
        let record = try #require(idempotency.records[.idempotency(Self.globex, Self.defaultKey)])
        #expect(record.ttl.rawValue == Int64(clock.now.timeIntervalSince1970) + 1)
        #expect(record.status == .completed)
        let issued = Int(clock.now.timeIntervalSince1970) - 299
        #expect(try JSONParser().parse(try #require(record.responsePayload)) == [
            "requestDigest": .string(Self.defaultDigest), "jti": "jti-1", "issuedAt": .number(JSONNumber(issued)),
        ], "a digest and the grant: nothing else")
        let claims = try #require(try scopedClaims(in: try forwardedAuthorization(second)))
        #expect(claims["iat"] == .number(JSONNumber(issued)) && claims["exp"] == .number(JSONNumber(issued + 300)),
                "a replay never extends the token's life")
    }

    @Test func theIdempotencyTableHoldsNoTokenAndNoHeader() async throws {
        let first = await interceptor.handle(event(extraHeaders: #""X-Custom":"private-value""#))
        let token = try #require(try forwardedAuthorization(first))
        let payload = try #require(idempotency.records.values.first?.responsePayload)
        for secret in [String(token.dropFirst(7)), "premium-token", "private-value", "Bearer", "x-tenant-id", "Mcp-Session-Id"] {
            #expect(!payload.contains(secret), "\(secret) is stored")
        }
    }

    @Test func aReplayCarriesTheCurrentCallersHeadersAndTheRowsCurrentTier() async throws {
        _ = await interceptor.handle(event(token: "acme-token", tool: "report-builder"))
        tenants.update(FakeTenantStore.row("acme-basic", .standard))
        clock.advance(31)
        let replay = await interceptor.handle(event(token: "acme-token", tool: "report-builder", extraHeaders: #""X-Trace":"t2""#))
        #expect(replay.outcome == "replay tools/call")
        let headers = try #require(try parse(replay)["mcp"]?["transformedGatewayRequest"]?["headers"]?.objectValue
            .flatMap(GatewayHeaders.init(json:)))
        #expect(headers.single("x-trace") == "t2" && headers.single("x-tier") == "standard")
        let claims = try #require(try scopedClaims(in: headers.single("authorization"), tool: "report-builder"))
        #expect(claims["tier"] == "standard" && claims["jti"] == "jti-1")
    }

    @Test func aRequestIdReusedForDifferentArgumentsIsRefused() async throws {
        _ = await interceptor.handle(event())
        let result = await interceptor.handle(event(arguments: #"{"amount":10000}"#))
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 400)
        #expect(result.outcome == "malformed: request id reused for a different request")
        #expect(!String(decoding: result.output, as: UTF8.self).contains("Bearer"))
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

    @Test(arguments: ["premium2-token", "standard-token"])
    func anotherCallerNeverReceivesTheStoredGrant(other: String) async throws {
        let first = await interceptor.handle(event(token: "premium-token", tool: "crm-lookup"))
        let second = await interceptor.handle(event(token: other, tool: "crm-lookup"))
        #expect(second.outcome == "pass tools/call")
        #expect(second.output != first.output)
        let claims = try #require(try scopedClaims(in: try forwardedAuthorization(second), tool: "crm-lookup"))
        #expect(claims["acting_sub"] != "pat" && claims["jti"] == "jti-2")
        #expect(idempotency.records.count == 2, "a record per caller")
    }

    @Test(arguments: [nil, "{}", #"{"requestDigest":"x","jti":"j","issuedAt":"soon"}"#, "not json"])
    func refusesToReplayAnIncompleteOrUnreadableRecord(payload: String?) async throws {
        let record = IdempotencyRecord(tenantID: Self.globex, idempotencyKey: Self.defaultKey, now: clock.now, window: 300)
        idempotency.store(payload.map { record.completed(responsePayload: $0) } ?? record)
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

    @Test func mintsFromTheTwinsGrantWhenItLosesTheRace() async throws {
        let grant = ScopedTokenGrant(jti: "jti-winner", issuedAt: Int(clock.now.timeIntervalSince1970) - 2)
        let winner = IdempotencyRecord(tenantID: Self.globex, idempotencyKey: Self.defaultKey, now: clock.now, window: 300)
            .completed(responsePayload: ToolCallReplay(requestDigest: Self.defaultDigest, grant: grant).payload)
        idempotency.loseNextRace(to: winner)
        let result = await interceptor.handle(event())
        #expect(result.outcome == "replay tools/call")
        let claims = try #require(try scopedClaims(in: try forwardedAuthorization(result)))
        #expect(claims["jti"] == "jti-winner" && claims["iat"] == .number(JSONNumber(grant.issuedAt)))
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
        #expect(headers == ["Mcp-Session-Id": "sess-1", "x-tenant-id": "hooli", "x-app-id": "app-b",
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
            authenticate: FakeAuthenticator.standard.function, tenants: tenantCache, entitlement: ToolEntitlement(store: store),
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
            authenticate: outage.function, tenants: tenantCache, entitlement: ToolEntitlement(store: store), issuer: interceptor.issuer,
            idempotency: idempotency, parser: JSONParser(), now: clock.function)
        let result = await interceptor.handle(event())
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 500)
    }

    @Test func theTenantRowDecidesTheTierNeverTheToken() async throws {
        // liam's token claims premium; hooli's row says basic.
        let result = await interceptor.handle(event(token: "liar-token", tool: "crm-lookup"))
        #expect(result.outcome == "pass tools/call")
        let headers = try #require(try parse(result)["mcp"]?["transformedGatewayRequest"]?["headers"]?.objectValue
            .flatMap(GatewayHeaders.init(json:)))
        #expect(headers.single("x-tier") == "basic")
        let claims = try #require(try scopedClaims(in: headers.single("authorization"), tool: "crm-lookup"))
        #expect(claims["tier"] == "basic")
        // acme-basic's row says premium whatever its name: the row's tier opens premium tools.
        let premium = await interceptor.handle(event(token: "acme-token", tool: "payments-refund"))
        #expect(premium.outcome == "pass tools/call")
    }

    @Test(arguments: [
        ("suspended-token", "forbidden: tenant not active"), ("deleted-token", "forbidden: tenant not active"),
        ("ghost-token", "forbidden: tenant not found"),
    ])
    func refusesEveryMethodForATenantThatIsNotActive(token: String, outcome: String) async throws {
        for method in ["tools/call", "tools/list", "initialize"] {
            let result = await interceptor.handle(event(token: token, method: method, tool: method == "tools/call" ? "crm-lookup" : nil))
            #expect(try parse(result)["mcp"]?["transformedGatewayResponse"] == [
                "statusCode": 403,
                "body": ["jsonrpc": "2.0", "id": 7, "error": ["code": -32003, "message": "Tool not allowed for this caller"]],
            ])
            #expect(result.outcome == outcome)
        }
        #expect(store.reads == 0 && secrets.reads == 0, "no tool lookup and no token for a tenant that is not active")
    }

    @Test func aSuspensionTakesEffectWithinTheTenantCacheLifetime() async throws {
        let interceptor = interceptor
        #expect(await interceptor.handle(event(session: nil)).outcome == "pass tools/call")
        tenants.update(FakeTenantStore.row("globex", .premium, status: .suspended))
        clock.advance(29)
        #expect(await interceptor.handle(event(session: nil)).outcome == "pass tools/call", "cached for 30 s, as the authoriser")
        #expect(tenants.reads == 1)
        clock.advance(1)
        #expect(await interceptor.handle(event(session: nil)).outcome == "forbidden: tenant not active")
        #expect(tenants.reads == 2)
    }

    @Test func failsClosedWhenTheTenantsTableFails() async throws {
        tenants.fail()
        let result = await interceptor.handle(event())
        #expect(try parse(result)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 500)
        #expect(result.outcome == "internal: tenant lookup failed")
    }

    @Test(arguments: ["admin/dump", "Tools/Call", "sampling/createMessage", "notifications/made-up"])
    func refusesMethodsThePlatformDoesNotServe(method: String) async throws {
        let result = await interceptor.handle(event(token: "basic-token", method: method, tool: nil))
        let output = try parse(result)
        #expect(output["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 400)
        #expect(output["mcp"]?["transformedGatewayResponse"]?["body"]?["error"] == ["code": -32601, "message": "Method not found"])
        #expect(output["mcp"]?["transformedGatewayRequest"] == ["headers": .object(JSONObject()), "body": .object(JSONObject())])
        #expect(result.outcome == "unknown method")
    }

    @Test func idempotencyKeysCannotCollide() {
        func key(
            _ session: String, _ id: JSONValue, _ sub: String = "u", _ tool: String = "t", tenant: TenantID = Self.globex,
            app: String = "a"
        ) -> IdempotencyKey {
            IdempotencyKey.toolCall(sessionID: session, requestID: id, tenantID: tenant, appID: app, actingSub: sub, toolName: tool)
        }
        #expect(key("a1", "2") != key("a", "12"))
        #expect(key("s", 7) != key("s", "7"))
        #expect(key("s", 7, "ab", "c") != key("s", 7, "a", "bc"))
        #expect(key("s", 7) != key("s", 7, tenant: try! TenantID(validating: "initech")), "bound to the tenant")
        #expect(key("s", 7) != key("s", 7, app: "b"), "bound to the app")
        // "mcp:" + SHA-256 of the length-prefixed fields "6:sess-11:76:globex5:app-p3:pat15:payments-refund".
        #expect(Self.defaultKey.rawValue == "mcp:0277e99b1c1893163f5c7070b5dbec01bca58e4dfbb05bbd44d57d3e8b2e0397")
    }
}

/// A counter for generated ids.
final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int { count.withLock { $0 += 1; return $0 } }
    var value: Int { count.withLock { $0 } }
}
