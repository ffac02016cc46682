import AWSCore
import Foundation
import LambdaEvents
import PlatformTestSupport
import Testing
@testable import BFF

/// The BFF's token refresh against the real local identity provider, with the client
/// credentials in Secrets Manager on moto.
@Suite struct TokenRefreshIntegrationTests {
    struct Stack {
        let idp: LocalIdentityProvider
        let handler: BFFHandler
        let tenantID: String
    }

    /// A fresh provider and handler; `seededSecret` is what Secrets Manager holds (the provider
    /// always expects `providerSecret`).
    func stack(seededSecret: String? = nil, tokenURL: String? = nil) async throws -> Stack {
        let aws = try LocalAWS()
        let providerSecret = "secret-" + UUID().uuidString
        let env = LocalAWS.unique("bfftest")
        let secrets = SecretsManagerClient(client: try aws.client(.secretsManager))
        try await secrets.createSecret(name: "platform/\(env)/entra/client-id", secretString: LocalIdentityProvider.clientID)
        try await secrets.createSecret(name: "platform/\(env)/entra/client-secret", secretString: seededSecret ?? providerSecret)
        let idp = try LocalIdentityProvider(clientSecret: providerSecret, transport: aws.transport)
        var environment = aws.environment
        environment["ENTRA_AUDIENCE"] = LocalIdentityProvider.audience
        environment["ENTRA_ISSUER"] = idp.issuer
        environment["PLATFORM_ENV"] = env
        if let tokenURL { environment["ENTRA_TOKEN_URL"] = tokenURL }
        let handler = try BFFHandler.live(configuration: try BFFConfiguration(environment: environment),
                                          environment: environment, transport: aws.transport)
        return Stack(idp: idp, handler: handler, tenantID: LocalAWS.unique("acme"))
    }

    func refresh(_ stack: Stack, scope: String) async throws -> APIGatewayProxyResponse {
        let token = try await stack.idp.userToken(tenantID: stack.tenantID)
        let event = ProxyEvent.post("/v1/bff/token-refresh", body: #"{"scope":"\#(scope)"}"#, token: token, tenantID: stack.tenantID)
        return await stack.handler.handle(event)
    }

    func body(_ response: APIGatewayProxyResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data((response.body ?? "").utf8)) as? [String: Any])
    }

    func errorCode(_ response: APIGatewayProxyResponse) throws -> String? {
        (try body(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func exchangesTheUsersTokenOnBehalfOf() async throws {
        let stack = try await stack()
        defer { stack.idp.stop() }
        let started = Date()
        let response = try await refresh(stack, scope: "api://agent-platform/Agents.Invoke")
        #expect(response.statusCode == 200)
        #expect(response.headers?["Cache-Control"] == "no-store")
        let answer = try body(response)
        #expect(answer["tokenType"] as? String == "Bearer")
        #expect(answer["scope"] as? String == "api://agent-platform/Agents.Invoke")
        let expiresAt = try #require(answer["expiresAt"] as? String)
        let expiry = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(expiresAt)
        #expect(abs(expiry.timeIntervalSince(started) - 3600) < 30)
        // The new token is the provider's: scoped to the permission, still the same user and tenant.
        let claims = try JWTClaims.decode(try #require(answer["accessToken"] as? String))
        #expect(claims["aud"] as? String == "api://agent-platform")
        #expect(claims["scp"] as? String == "Agents.Invoke")
        #expect(claims["tenantid"] as? String == stack.tenantID)
    }

    @Test(arguments: ["api://agent-platform/.default", "api://other-api/Agents.Invoke", "openid"])
    func refusesScopesOutsideTheAPIBeforeCallingTheProvider(scope: String) async throws {
        let stack = try await stack()
        defer { stack.idp.stop() }
        // An injected failure that is still pending afterwards proves the provider was not called.
        try await stack.idp.failNext(500)
        let response = try await refresh(stack, scope: scope)
        #expect(response.statusCode == 400)
        #expect(try errorCode(response) == "INVALID_REQUEST")
        let details = try #require((try body(response)["error"] as? [String: Any])?["details"] as? [[String: String]])
        #expect(details.first?["field"] == "scope")
        #expect(try await refresh(stack, scope: "api://agent-platform/Agents.Invoke").statusCode == 503)
    }

    @Test(arguments: [(400, 400, "INVALID_REQUEST"), (401, 401, "UNAUTHENTICATED"), (403, 403, "FORBIDDEN"),
                      (429, 429, "THROTTLED"), (500, 503, "SERVICE_UNAVAILABLE"), (502, 503, "SERVICE_UNAVAILABLE")])
    func mapsProviderFailures(injected: Int, status: Int, code: String) async throws {
        let stack = try await stack()
        defer { stack.idp.stop() }
        try await stack.idp.failNext(injected)
        let response = try await refresh(stack, scope: "api://agent-platform/Agents.Invoke")
        #expect(response.statusCode == status)
        #expect(try errorCode(response) == code)
        #expect((response.headers?["Retry-After"] != nil) == (status == 429))
        // The failure was one-off: the next exchange works.
        #expect(try await refresh(stack, scope: "api://agent-platform/Agents.Invoke").statusCode == 200)
    }

    @Test func wrongClientSecretIsTheProvidersRefusal() async throws {
        let stack = try await stack(seededSecret: "not-the-secret")
        defer { stack.idp.stop() }
        let response = try await refresh(stack, scope: "api://agent-platform/Agents.Invoke")
        #expect(response.statusCode == 401)
        #expect(try errorCode(response) == "UNAUTHENTICATED")
        #expect(!(response.body ?? "").contains("not-the-secret"))
    }

    @Test func unreachableProviderIs503() async throws {
        let stack = try await stack(tokenURL: "http://127.0.0.1:9/t/oauth2/v2.0/token")
        defer { stack.idp.stop() }
        let response = try await refresh(stack, scope: "api://agent-platform/Agents.Invoke")
        #expect(response.statusCode == 503)
        #expect(try errorCode(response) == "SERVICE_UNAVAILABLE")
    }
}
