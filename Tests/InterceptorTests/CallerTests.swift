import DataAccess
import EntraAuth
import InterceptorKit
import LambdaEvents
import Testing

@Suite struct CallerTests {
    let tenants = FakeTenantStore.catalogue()
    let clock = ManualClock()

    func caller(_ token: String) async throws(InterceptorDenial) -> Caller {
        var headers = GatewayHeaders()
        headers.set("Authorization", "Bearer \(token)")
        return try await InterceptorDenial.caller(
            from: headers, using: FakeAuthenticator.standard.function,
            tenants: TenantStandingCache(store: tenants, now: clock.function))
    }

    @Test func takesTheTierFromTheTenantRow() async throws {
        let liar = try await caller("liar-token")
        #expect(liar.tier == .basic && liar.principal.tier == .premium)
        #expect(liar.tenantID.rawValue == "hooli" && liar.appID == "app-l" && liar.sub == "liam")
        #expect(try await caller("acme-token").tier == .premium)
    }

    @Test(arguments: [
        ("suspended-token", InterceptorDenial.forbidden(reason: "tenant not active")),
        ("deleted-token", .forbidden(reason: "tenant not active")),
        ("ghost-token", .forbidden(reason: "tenant not found")),
        ("nobody", .unauthenticated(reason: "token signature does not verify")),
    ])
    func refusesWhatIsNotAnActiveTenant(token: String, denial: InterceptorDenial) async {
        await #expect(throws: denial) { try await caller(token) }
    }

    @Test func aRowForAnotherTenantIsNotTheCallersRow() async {
        // A store that answered with the wrong row must not be believed.
        let misfiled = MisfilingTenantStore(row: FakeTenantStore.row("initech", .premium))
        var headers = GatewayHeaders()
        headers.set("Authorization", "Bearer basic-token")
        await #expect(throws: InterceptorDenial.forbidden(reason: "tenant not found")) {
            try await InterceptorDenial.caller(
                from: headers, using: FakeAuthenticator.standard.function,
                tenants: TenantStandingCache(store: misfiled, now: clock.function))
        }
    }

    @Test func aTenantsTableFailureIsAnInternalFailure() async {
        tenants.fail()
        await #expect(throws: InterceptorDenial.internalFailure(reason: "tenant lookup failed")) { try await caller("basic-token") }
    }
}

/// Answers every read with one fixed row, whoever asks.
struct MisfilingTenantStore: TenantStore {
    var row: Tenant
    func tenant(_ tenantID: TenantID) async throws -> Tenant? { row }
}
