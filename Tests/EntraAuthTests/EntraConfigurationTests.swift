import DataAccess
import Testing
@testable import EntraAuth

@Suite struct EntraConfigurationTests {
    @Test func readsTheEnvironment() throws {
        let config = try EntraConfiguration(environment: [
            "ENTRA_ISSUER": "https://login.microsoftonline.com/t/v2.0", "ENTRA_AUDIENCE": "api://x",
            "ENTRA_JWKS_URL": "https://login.microsoftonline.com/t/discovery/v2.0/keys",
        ])
        #expect(config.issuer == "https://login.microsoftonline.com/t/v2.0")
        #expect(config.audience == "api://x")
        #expect(config.leeway == .seconds(60))
        #expect(config.keySetLifetime == .seconds(300))
        #expect(config.minimumRefetchInterval == .seconds(30))
    }

    @Test func namesTheMissingVariable() {
        #expect(throws: EntraAuthError.configuration("ENTRA_AUDIENCE")) {
            try EntraConfiguration(environment: ["ENTRA_ISSUER": "i", "ENTRA_AUDIENCE": "", "ENTRA_JWKS_URL": "u"])
        }
        #expect(EntraAuthError.configuration("ENTRA_JWKS_URL").description == "environment variable ENTRA_JWKS_URL is not set or invalid")
    }

    @Test func aPrincipalWithoutAKnownTierGetsTheLowest() throws {
        let tenant = try TenantID(validating: "acme")
        #expect(EntraPrincipal(tenantId: tenant, appId: "a", tier: .premium, sub: nil, roles: []).effectiveTier == .premium)
        #expect(EntraPrincipal(tenantId: tenant, appId: "a", tier: nil, sub: nil, roles: []).effectiveTier == .basic)
    }
}
