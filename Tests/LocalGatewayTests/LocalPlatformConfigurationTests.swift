import FoundationEssentials
import Testing
@testable import LocalGateway

@Suite struct LocalPlatformConfigurationTests {
    @Test func expandsVariablesWithDefaults() {
        let variables = ["A": "1", "EMPTY": ""]
        #expect(LocalPlatformConfiguration.expand("x${A}y", from: variables) == "x1y")
        #expect(LocalPlatformConfiguration.expand("${MISSING}", from: variables) == "")
        #expect(LocalPlatformConfiguration.expand("${MISSING:-30}", from: variables) == "30")
        #expect(LocalPlatformConfiguration.expand("${EMPTY:-d}", from: variables) == "d")
        #expect(LocalPlatformConfiguration.expand("${A:-d}/${A}", from: variables) == "1/1")
        #expect(LocalPlatformConfiguration.expand("open ${A", from: variables) == "open ${A")
    }

    @Test func defaultsApplyToOmittedFields() throws {
        let configuration = try LocalPlatformConfiguration(json: Data(#"{"functions":[{"name":"bridge"}]}"#.utf8))
        #expect(configuration.region == "eu-west-2")
        #expect(configuration.gateway.authoriserFunction == "authoriser")
        let bridge = try #require(configuration.functions.first)
        #expect(bridge.product == "bridge")
        #expect(bridge.timeout == 30)
        #expect(!bridge.streaming)
    }

    @Test func theCheckedInFileHostsTheAuthoriserAndExpandsTheIdentityProvider() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../scripts/dev-platform.json")
        let configuration = try LocalPlatformConfiguration(json: try Data(contentsOf: url))
        let authoriser = try #require(configuration.functions.first { $0.name == "authoriser" })
        let process = ["ENTRA_JWKS_URL": "http://127.0.0.1:9/keys", "PLATFORM_TENANT_CACHE_TTL": "1"]
        let environment = configuration.environment(of: authoriser, expandingFrom: process)
        #expect(environment["ENTRA_JWKS_URL"] == "http://127.0.0.1:9/keys")
        #expect(environment["TENANT_CACHE_TTL_SECONDS"] == "1")
        #expect(environment["TENANTS_TABLE"] == "platform-tenants")
        #expect(configuration.gatewayConfiguration(expandingFrom: [:]).authoriserCacheTTL == 300)
        #expect(configuration.gatewayConfiguration(expandingFrom: ["PLATFORM_AUTHORISER_CACHE_TTL": "2"]).authoriserCacheTTL == 2)
        // The console's origin reaches both the gateway (preflight) and every function (CONSOLE_ORIGIN).
        #expect(configuration.gatewayConfiguration(expandingFrom: [:]).cors.allowedOrigin == nil)
        let origin = ["CONSOLE_ORIGIN": "http://127.0.0.1:4100"]
        #expect(configuration.gatewayConfiguration(expandingFrom: origin).cors.allowedOrigin == "http://127.0.0.1:4100")
        #expect(configuration.functions.allSatisfy { configuration.environment(of: $0, expandingFrom: origin)["CONSOLE_ORIGIN"] == "http://127.0.0.1:4100" })
        // Function names are unique: each engineer adds one entry per function.
        #expect(Set(configuration.functions.map(\.name)).count == configuration.functions.count)
    }

    @Test func theCheckedInFileHostsBothInterceptorsWithWhatTheyRead() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../scripts/dev-platform.json")
        let configuration = try LocalPlatformConfiguration(json: try Data(contentsOf: url))
        for name in ["request-interceptor", "response-interceptor"] {
            let function = try #require(configuration.functions.first { $0.name == name })
            #expect(function.product == name, "make package zips by folder, so the product is the folder name")
            let environment = configuration.environment(of: function, expandingFrom: ["ENTRA_ISSUER": "http://idp/t/v2.0"])
            #expect(environment["PLATFORM_ENV"] == "local", "the signing key is platform/local/gateway/scoped-token-signing-key")
            #expect(environment["TOOLS_TABLE"] == "platform-tools")
            #expect(environment["IDEMPOTENCY_TABLE"] == "platform-idempotency")
            #expect(environment["ENTRA_ISSUER"] == "http://idp/t/v2.0")
            #expect(environment["TENANTS_TABLE"] == "platform-tenants", "both read the tenant row")
            #expect(environment["TENANT_CACHE_TTL_SECONDS"] == "30", "cached as long as the authoriser caches it")
        }
    }
}
