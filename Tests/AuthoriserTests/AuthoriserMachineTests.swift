import AuthoriserCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import Testing
@testable import LocalGateway

@Suite struct AuthoriserMachineTests {
    let clock = TestClock()
    let directory = FakeDirectory.standard()
    let logs = LogRecorder()

    var handler: AuthoriserHandler {
        let clock = clock
        return AuthoriserHandler(tokens: FakeTokens.standard, directory: directory, region: "eu-west-2", now: { clock.now }, log: logs.sink)
    }

    func reason(_ event: APIGatewayAuthorizerRequest) async -> AuthorisationFailure? {
        do {
            _ = try await handler.handle(event)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aCorrectlySignedRequestIsAMachineCallerWithoutAdminRoutes() async throws {
        let event = Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", query: ["limit": "5"], date: clock.now)
        let response = try await handler.handle(event)
        #expect(response.principalId == "apikey/APKACME")
        #expect(response.context?["roles"] == #"["Machine.Invoke"]"#)
        #expect(response.context?["appId"] == "acme-basic-app")
        #expect(response.usageIdentifierKey == "APKACME")
        #expect(PolicyEvaluator.allows(response.policyDocument, methodARN: "\(Events.apiRoot)/GET/v1/agents"))
        #expect(!PolicyEvaluator.allows(response.policyDocument, methodARN: "\(Events.apiRoot)/POST/v1/tenants"))
        #expect(!PolicyEvaluator.allows(response.policyDocument, methodARN: "\(Events.apiRoot)/GET/v1/platform/quota"))
    }

    @Test func everyRefusalIsCountedByReason() async {
        let clock = clock
        let counted = LogRecorder()
        let handler = AuthoriserHandler(tokens: FakeTokens.standard, directory: directory, region: "eu-west-2",
                                        now: { clock.now }, countDenial: counted.sink)
        let crossTenant = Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "globex-premium", date: clock.now)
        _ = try? await handler.handle(crossTenant)
        _ = try? await handler.handle(Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", date: clock.now))
        // The cross-tenant attempt is refused and counted once; the valid request is not counted.
        #expect(counted.all.count == 1)
        let reason = counted.all.first ?? ""
        #expect(reason.hasPrefix("apikey.") || reason.hasPrefix("sigv4."))
    }

    @Test func signatureFailuresAreUnauthorized() async {
        let now = clock.now
        #expect(await reason(Events.signed(keyID: "APKACME", secret: "wrong", tenant: "acme-basic", date: now))
            == .signature("sigv4.signature_mismatch"))
        #expect(await reason(Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", date: now.addingTimeInterval(-301)))
            == .signature("sigv4.stale_date"))
        #expect(await reason(Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", date: now, signTenant: false))
            == .signature("sigv4.missing_signed_header"))
        #expect(await reason(Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: nil, date: now)) == .missingTenantHeader)
        #expect(await reason(Events.request(headers: ["Authorization": "AWS4-HMAC-SHA256 Credential=x"])) == .signature("sigv4.malformed.signedHeaders"))
        #expect(await reason(Events.request(headers: ["Authorization": "AWS4-HMAC-SHA256"])) == .signature("sigv4.malformed.header"))
        #expect(await reason(Events.request(headers: ["Authorization": "AWS4-HMAC-SHA512 Credential=x"])) == .signature("sigv4.unsupported_algorithm"))
    }

    @Test func aKeyOnlyWorksForItsOwnTenant() async {
        // Acme's key, correctly signed, claiming Globex: there is no such key under Globex.
        let event = Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "globex-premium", date: clock.now)
        #expect(await reason(event) == .unknownAPIKey)
        #expect(await reason(Events.signed(keyID: "APKNOPE", secret: "x", tenant: "acme-basic", date: clock.now)) == .unknownAPIKey)
        #expect(await reason(Events.signed(keyID: "APK.BAD", secret: "x", tenant: "acme-basic", date: clock.now)) == .unknownAPIKey)
        #expect(await reason(Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "Acme", date: clock.now)) == .malformedTenantID)
    }

    @Test func aRotatedKeyStopsWhenTheSecretCacheExpires() async throws {
        let handler = handler
        let old = { Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", date: self.clock.now) }
        _ = try await handler.handle(old())
        // Rotation: a new key row and secret; the old row stays until it is revoked.
        directory.add(tenant: "acme-basic", tier: .basic, keyID: "APKACME2", secret: "new-secret")
        directory.state.withLock { $0.keys["acme-basic#APKACME"] = APIKeyStanding(keyID: try! APIKeyID(validating: "APKACME"), tenantID: try! TenantID(validating: "acme-basic"), status: .active) }
        clock.advance(301)
        do {
            _ = try await handler.handle(old())
            Issue.record("a rotated-out key must stop working")
        } catch {
            #expect(error.reason == .staleAPIKey)
        }
        _ = try await handler.handle(Events.signed(keyID: "APKACME2", secret: "new-secret", tenant: "acme-basic", date: clock.now))
    }

    @Test func aNewKeyWorksOnceTheTenantRowNamesItNotOnlyWhenTheSecretCacheExpires() async throws {
        let handler = handler
        func failure(_ event: APIGatewayAuthorizerRequest) async -> AuthorisationFailure? {
            do { _ = try await handler.handle(event); return nil } catch { return error.reason }
        }
        let old = { Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", date: self.clock.now) }
        let new = { Events.signed(keyID: "APKACME2", secret: "new-secret", tenant: "acme-basic", date: self.clock.now) }
        // The old key warms the secret cache (300 s) and the tenant cache (30 s).
        #expect(await failure(old()) == nil)
        // Rotation, in the tenant API's order: new key row, new secret, old row revoked, tenant row last.
        directory.add(tenant: "acme-basic", tier: .basic, keyID: "APKACME2", secret: "new-secret")
        directory.state.withLock { $0.keys["acme-basic#APKACME"]?.status = .revoked }
        // While the cached tenant row still names the old key, the cached secret stands.
        #expect(await failure(new()) == .staleAPIKey)
        clock.advance(31)
        var reads = directory.reads
        #expect(await failure(new()) == nil)
        // The key row, the tenant row and one secret re-read; then the cache holds the new secret.
        #expect(directory.reads == reads + 3)
        #expect(await failure(new()) == nil)
        #expect(directory.reads == reads + 3)
        #expect(await failure(old()) == .unknownAPIKey)
        // A key id that is not the tenant's current one never causes a secret re-read.
        directory.state.withLock { $0.keys["acme-basic#APKACME"]?.status = .active }
        clock.advance(31)
        reads = directory.reads
        #expect(await failure(old()) == .staleAPIKey)
        #expect(directory.reads == reads + 2)  // its key row and the tenant row, no secret
        #expect(await failure(old()) == .staleAPIKey)
        #expect(directory.reads == reads + 2)
    }

    @Test func aSuspendedTenantsValidKeyGetsADeny() async throws {
        directory.setStatus(.suspended, of: "acme-basic")
        let response = try await handler.handle(Events.signed(keyID: "APKACME", secret: "acme-secret", tenant: "acme-basic", date: clock.now))
        #expect(response.policyDocument.statement.map(\.effect) == [.deny])
        #expect(!logs.all.contains { $0.contains("acme-secret") })
    }
}
