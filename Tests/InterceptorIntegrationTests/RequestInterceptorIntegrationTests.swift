import DataAccess
import Foundation
import JWT
import LambdaEvents
import PlatformJSON
import Testing

/// The real `request-interceptor` bootstrap, invoked with recorded Gateway events.
@Suite struct RequestInterceptorIntegrationTests {
    func toolCall(token: String, tool: String, session: String = "sess-\(UUID().uuidString)") throws -> [UInt8] {
        try Fixture.event("request-tools-call.json", ["USER_TOKEN": token, "SESSION_ID": session, "TOOL_NAME": tool])
    }

    /// `transformedGatewayResponse`, after checking the deny shape: an empty request beside the error.
    func denial(_ output: [UInt8]) throws -> JSONValue {
        let document = try JSONParser().parse(output)
        #expect(document["interceptorOutputVersion"] == "1.0")
        #expect(document["mcp"]?["transformedGatewayRequest"] == ["headers": .object(JSONObject()), "body": .object(JSONObject())],
                "a denial forwards nothing")
        return try #require(document["mcp"]?["transformedGatewayResponse"])
    }

    @Test func allowsAnEntitledCallWithAScopedToken() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let userToken = try await stack.userToken(tier: "standard", sub: "sam")
        let output = try await stack.invoke("request-interceptor", try toolCall(token: userToken, tool: "report-builder", session: "sess-allow"))

        let document = try JSONParser().parse(output)
        #expect(document["mcp"]?["transformedGatewayResponse"] == nil)
        let request = try #require(document["mcp"]?["transformedGatewayRequest"])
        let headers = try #require(request["headers"]?.objectValue.flatMap(GatewayHeaders.init(json:)))
        #expect(headers.values(for: "authorization").count == 1)
        let authorization = try #require(headers.single("authorization"))
        #expect(authorization.hasPrefix("Bearer ") && !authorization.contains(userToken), "the user's token never reaches the tool")
        #expect(!String(decoding: output, as: UTF8.self).contains(userToken))
        #expect(headers.single("x-tenant-id") == stack.tenant.rawValue)
        #expect(headers.single("x-app-id") == "app-sam")
        #expect(headers.single("x-tier") == "standard")
        #expect(headers.single("x-acting-sub") == "sam")
        #expect(headers.single("mcp-session-id") == "sess-allow")
        #expect(headers.single("user-agent") == "strands-agents/1.4.0 mcp-python/1.12.2")
        #expect(request["body"]?["params"]?["name"] == "report-builder")

        // The tool checks the token as the JWT module does: HS256 with the key from Secrets Manager.
        let validator = JWTValidator(algorithm: .hs256, issuer: "platform-gateway", audience: "tool:report-builder", leeway: 0,
                                     requiredClaims: ["jti"])
        let token = try validator.validate(String(authorization.dropFirst(7)), secret: stack.signingKey, now: Date())
        let claims = token.claims
        #expect(token.header.alg == "HS256")
        #expect(try claims.string("tenantid") == stack.tenant.rawValue)
        #expect(try claims.string("appid") == "app-sam")
        #expect(try claims.string("tier") == "standard")
        #expect(try claims.string("acting_sub") == "sam")
        #expect(try claims.string("scope_tool") == "report-builder")
        #expect(try claims.string("mcp_session_id") == "sess-allow")
        let issuedAt = try #require(try claims.number("iat"))
        #expect(try claims.number("exp") == issuedAt + 300)
        #expect(abs(issuedAt - Date().timeIntervalSince1970) < 30)
        #expect(try claims.string("jti")?.isEmpty == false)
        #expect("good for one tool only") {
            try JWTValidator(algorithm: .hs256, issuer: "platform-gateway", audience: "tool:payments-refund")
                .validate(String(authorization.dropFirst(7)), secret: stack.signingKey, now: Date())
        } throws: { ($0 as? JWTError)?.code == .audienceMismatch }
    }

    @Test func refusesToolsTheCallerMayNotUse() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let basic = try await stack.userToken(tier: "basic")
        let otherTenantPremium = try await stack.userToken(tier: "premium", tenant: stack.otherTenant)
        let cases = [
            (basic, "payments-refund"),  // tier too low
            (basic, "shadow-admin"),  // unknown tool
            (basic, "legacy-export"),  // disabled globally
            (otherTenantPremium, "crm-lookup"),  // disabled by the tenant's own row
        ]
        for (token, tool) in cases {
            let response = try denial(try await stack.invoke("request-interceptor", try toolCall(token: token, tool: tool)))
            #expect(response == [
                "statusCode": 403,
                "body": ["jsonrpc": "2.0", "id": 42, "error": ["code": -32003, "message": "Tool not allowed for this caller"]],
            ], "\(tool)")
        }
        #expect(try await stack.idempotencyRecords().isEmpty, "nothing is recorded for a refused call")
    }

    @Test func refusesAnExpiredToken() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let expired = try await stack.userToken(tier: "premium", expired: true)
        let response = try denial(try await stack.invoke("request-interceptor", try toolCall(token: expired, tool: "crm-lookup")))
        #expect(response["statusCode"] == 401)
        #expect(response["body"]?["error"]?["code"] == -32001)
        #expect(response["body"]?["id"] == 42)
    }

    @Test func refusesABodyWithoutAnId() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "basic")
        let event = try Fixture.event("request-tools-call-without-id.json", ["USER_TOKEN": token, "SESSION_ID": "sess-no-id"])
        let response = try denial(try await stack.invoke("request-interceptor", event))
        #expect(response == [
            "statusCode": 400, "body": ["jsonrpc": "2.0", "id": .null, "error": ["code": -32600, "message": "Invalid request"]],
        ])
    }

    /// The forwarded headers of a pass.
    func forwardedHeaders(_ output: [UInt8]) throws -> GatewayHeaders {
        let document = try JSONParser().parse(output)
        #expect(document["mcp"]?["transformedGatewayResponse"] == nil)
        return try #require(document["mcp"]?["transformedGatewayRequest"]?["headers"]?.objectValue.flatMap(GatewayHeaders.init(json:)))
    }

    @Test func replaysARetriedCallWithATokenMintedAgainNotStored() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "premium", sub: "pat")
        let event = try toolCall(token: token, tool: "payments-refund", session: "sess-replay")
        let first = try await stack.invoke("request-interceptor", event)
        let second = try await stack.invoke("request-interceptor", event)
        #expect(second == first, "the same answer, the same scoped token")

        let records = try await stack.idempotencyRecords()
        let record = try #require(records.count == 1 ? records.first : nil)
        #expect(record.status == .completed)
        #expect(record.tenantID == stack.tenantsByTier[.premium])
        let ttl = Double(record.ttl.rawValue) - Date().timeIntervalSince1970
        #expect(ttl > 250 && ttl <= 300)

        // What is stored: a digest and the token's jti and iat. Never the token, the user's token or a header.
        let scoped = try #require(try forwardedHeaders(first).single("authorization")?.dropFirst(7))
        let payload = try #require(record.responsePayload)
        #expect(try JSONParser().parse(payload).objectValue?.keys.sorted() == ["issuedAt", "jti", "requestDigest"])
        let stored = String(describing: try await stack.idempotencyItems())
        for secret in [String(scoped), token, "Bearer", "user-agent", "strands-agents", "x-tenant-id"] {
            #expect(!stored.contains(secret), "the idempotency table holds \(secret.prefix(12))")
        }
        let claims = try JWTValidator(algorithm: .hs256, issuer: "platform-gateway", audience: "tool:payments-refund")
            .validate(String(scoped), secret: stack.signingKey, now: Date()).claims
        #expect(try claims.string("jti") == JSONParser().parse(payload)["jti"]?.stringValue)

        // Another session is another call: a fresh token, a second record.
        let other = try await stack.invoke("request-interceptor", try toolCall(token: token, tool: "payments-refund", session: "sess-other"))
        #expect(other != first)
        #expect(try await stack.idempotencyRecords().count == 2)
    }

    @Test func anotherUserOfTheTenantReusingTheSessionAndIdGetsTheirOwnToken() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let pat = try await stack.userToken(tier: "premium", sub: "pat")
        let mallory = try await stack.userToken(tier: "premium", sub: "mallory")
        let first = try await stack.invoke("request-interceptor", try toolCall(token: pat, tool: "crm-lookup", session: "sess-shared"))
        let second = try await stack.invoke("request-interceptor", try toolCall(token: mallory, tool: "crm-lookup", session: "sess-shared"))
        let patToken = try #require(try forwardedHeaders(first).single("authorization"))
        let malloryToken = try #require(try forwardedHeaders(second).single("authorization"))
        #expect(patToken != malloryToken)
        let claims = try JWTValidator(algorithm: .hs256, issuer: "platform-gateway", audience: "tool:crm-lookup")
            .validate(String(malloryToken.dropFirst(7)), secret: stack.signingKey, now: Date()).claims
        #expect(try claims.string("acting_sub") == "mallory")
        #expect(try await stack.idempotencyRecords().count == 2)
    }

    @Test func theTenantRowDecidesTheTierNotTheTokensClaim() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        // A user of the basic tenant whose token claims premium.
        let inflated = try await stack.userToken(tier: "premium", sub: "liam", tenant: stack.tenantsByTier[.basic])
        let refused = try denial(try await stack.invoke("request-interceptor", try toolCall(token: inflated, tool: "payments-refund")))
        #expect(refused["statusCode"] == 403 && refused["body"]?["error"]?["code"] == -32003)
        let allowed = try await stack.invoke("request-interceptor", try toolCall(token: inflated, tool: "crm-lookup"))
        let headers = try forwardedHeaders(allowed)
        #expect(headers.single("x-tier") == "basic")
        let scoped = try #require(headers.single("authorization")?.dropFirst(7))
        let claims = try JWTValidator(algorithm: .hs256, issuer: "platform-gateway", audience: "tool:crm-lookup")
            .validate(String(scoped), secret: stack.signingKey, now: Date()).claims
        #expect(try claims.string("tier") == "basic")
    }

    @Test func refusesEverythingForASuspendedTenant() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "premium", tenant: stack.suspendedTenant)
        let call = try denial(try await stack.invoke("request-interceptor", try toolCall(token: token, tool: "crm-lookup")))
        #expect(call == [
            "statusCode": 403,
            "body": ["jsonrpc": "2.0", "id": 42, "error": ["code": -32003, "message": "Tool not allowed for this caller"]],
        ])
        let list = try Fixture.event("response-tools-list.json", ["USER_TOKEN": token, "SESSION_ID": "sess-s"])
        #expect(try denial(try await stack.invoke("request-interceptor", list))["statusCode"] == 403)
        #expect(try await stack.idempotencyRecords().isEmpty)
    }

    @Test func refusesAMethodThePlatformDoesNotServe() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "premium")
        let text = try Fixture.text("request-tools-call.json", ["USER_TOKEN": token, "SESSION_ID": "sess-m", "TOOL_NAME": "crm-lookup"])
        let event = Array(text.replacingOccurrences(of: "\"tools/call\"", with: "\"admin/export\"").utf8)
        #expect(event != Array(text.utf8))
        let response = try denial(try await stack.invoke("request-interceptor", event))
        #expect(response == [
            "statusCode": 400, "body": ["jsonrpc": "2.0", "id": 42, "error": ["code": -32601, "message": "Method not found"]],
        ])
    }

    @Test func refusesToStartWithoutItsSigningKeyEnvironment() async throws {
        let stack = try await InterceptorStack(functionEnvironment: ["PLATFORM_ENV": nil])
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "basic")
        let result = try await stack.host.invokeAsync(function: "request-interceptor", payload: try toolCall(token: token, tool: "crm-lookup"))
        let error = try #require(result.error, "an unconfigured interceptor never answers, so the Gateway cannot pass the call")
        #expect(String(decoding: error.payload, as: UTF8.self).contains("PLATFORM_ENV"))
    }
}
