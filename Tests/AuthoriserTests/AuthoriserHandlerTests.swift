import AuthoriserCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import Testing
@testable import LocalGateway

@Suite struct AuthoriserHandlerTests {
    let clock = TestClock()
    let directory = FakeDirectory.standard()
    let logs = LogRecorder()

    func handler(tokens: FakeTokens = .standard) -> AuthoriserHandler {
        let clock = clock
        return AuthoriserHandler(tokens: tokens, directory: directory, region: "eu-west-2", now: { clock.now }, log: logs.sink)
    }

    func allows(_ response: APIGatewayAuthorizerResponse, _ method: String, _ path: String) -> Bool {
        PolicyEvaluator.allows(response.policyDocument, methodARN: "\(Events.apiRoot)/\(method)\(path)")
    }

    func unauthorizedReason(_ event: APIGatewayAuthorizerRequest, handler: AuthoriserHandler? = nil) async -> AuthorisationFailure? {
        do {
            _ = try await (handler ?? self.handler()).handle(event)
            return nil
        } catch {
            #expect(error.description == "Unauthorized")
            return error.reason
        }
    }

    @Test func aValidTokenAllowsTheTenantsWholeAPIWithContextAndUsageKey() async throws {
        let response = try await handler().handle(Events.bearer("basic-user"))
        #expect(response.principalId == "user@acme")
        #expect(response.context == ["tenantId": "acme-basic", "appId": "acme-app", "tier": "basic", "sub": "user@acme", "roles": "[]"])
        #expect(response.usageIdentifierKey == "APKACME")
        #expect(response.policyDocument.statement.first?.resource == ["\(Events.apiRoot)/*/*"])
        #expect(allows(response, "GET", "/v1/jobs/j-1"))
        #expect(allows(response, "POST", "/v1/agents/echo-agent/invoke"))
        #expect(!allows(response, "POST", "/v1/tenants"))
        #expect(!allows(response, "GET", "/v1/platform/quota"))
        #expect(logs.all == ["authoriser allow kind=human tenant=acme-basic admin=false"])
    }

    @Test func adminRoutesNeedARoleAndPlatformRoutesThePlatformTenant() async throws {
        let platformAdmin = try await handler().handle(Events.bearer("platform-admin"))
        #expect(allows(platformAdmin, "GET", "/v1/platform/quota"))
        #expect(allows(platformAdmin, "POST", "/v1/tenants"))
        #expect(platformAdmin.context?["roles"] == #"["Platform.Operator"]"#)

        // Platform roles count only on the operator tenant `platform`: in a customer
        // tenant's directory they open no admin route (tenant-api holds too, but the gateway must).
        let tenantAdmin = try await handler().handle(Events.bearer("acme-admin"))
        #expect(!allows(tenantAdmin, "POST", "/v1/tenants"))
        #expect(!allows(tenantAdmin, "PATCH", "/v1/tenants/acme-basic"))
        #expect(!allows(tenantAdmin, "GET", "/v1/tenants/acme-basic/audit-export"))
        #expect(!allows(tenantAdmin, "POST", "/v1/platform/failover"))
        #expect(allows(tenantAdmin, "GET", "/v1/tenants/acme-basic"))
        #expect(logs.all.last == "authoriser allow kind=human tenant=acme-basic admin=false")

        let platformReader = try await handler().handle(Events.bearer("platform-user"))
        #expect(!allows(platformReader, "GET", "/v1/platform/quota"))
        #expect(!allows(platformReader, "PATCH", "/v1/tenants/acme-basic"))
        #expect(allows(platformReader, "GET", "/v1/tenants/platform"))
    }

    @Test func badTokensAndHeadersAreUnauthorizedAndNeverLogged() async {
        let events: [(APIGatewayAuthorizerRequest, AuthorisationFailure)] = [
            (Events.bearer("forged.token.value"), .token("expired")),
            (Events.request(headers: [:]), .missingCredentials),
            (Events.request(headers: ["Authorization": ""]), .missingCredentials),
            (Events.request(headers: ["Authorization": "Bearer "]), .unsupportedScheme),
            (Events.request(headers: ["Authorization": "Basic dXNlcjpwYXNz"]), .unsupportedScheme),
            (Events.request(headers: ["Authorization": "Bearer " + String(repeating: "A", count: 9000)]), .oversizedCredentials),
            (Events.request(headers: ["Authorization": "\u{0}\u{1}garbage\u{FFFD}"]), .unsupportedScheme),
            (Events.bearer("bad-tenant"), .malformedTenantID),
        ]
        for (event, reason) in events {
            #expect(await unauthorizedReason(event) == reason)
        }
        #expect(logs.all.allSatisfy { $0.hasPrefix("authoriser deny reason=") })
        #expect(!logs.all.contains { $0.contains("forged") || $0.contains("dXNlcjpwYXNz") || $0.contains("ACME") })
    }

    @Test func lowerCaseBearerSchemeIsAccepted() async throws {
        let response = try await handler().handle(Events.request(headers: ["authorization": "bearer basic-user"]))
        #expect(response.context?["tenantId"] == "acme-basic")
    }

    @Test func unknownAndInactiveTenantsGetADenyPolicy() async throws {
        let ghost = try await handler().handle(Events.bearer("ghost-tenant"))
        #expect(ghost.policyDocument.statement.map(\.effect) == [.deny])
        #expect(!allows(ghost, "GET", "/v1/agents"))
        #expect(ghost.context == nil)
        #expect(ghost.usageIdentifierKey == nil)

        directory.setStatus(.deleted, of: "acme-basic")
        let deleted = try await handler().handle(Events.bearer("basic-user"))
        #expect(!allows(deleted, "GET", "/v1/agents"))
        #expect(logs.all.last == "authoriser deny reason=tenant.not_active")
    }

    @Test func suspensionTakesEffectWhenTheTenantCacheExpires() async throws {
        let handler = handler()
        #expect(allows(try await handler.handle(Events.bearer("basic-user")), "GET", "/v1/agents"))
        directory.setStatus(.suspended, of: "acme-basic")
        clock.advance(29)
        #expect(allows(try await handler.handle(Events.bearer("basic-user")), "GET", "/v1/agents"))
        clock.advance(2)
        #expect(!allows(try await handler.handle(Events.bearer("basic-user")), "GET", "/v1/agents"))
        #expect(directory.reads == 2)
    }

    @Test func aDirectoryOutageIsUnauthorizedNotACrash() async {
        directory.state.withLock { $0.down = true }
        #expect(await unauthorizedReason(Events.bearer("basic-user")) == .dependencyUnavailable("tenants"))
    }

    @Test func anEventWithoutAMethodARNIsRefused() async {
        var event = Events.bearer("basic-user")
        event.methodArn = "not-an-arn"
        #expect(await unauthorizedReason(event) == .missingCredentials)
    }
}
