import AWSCore
import DataAccess
import Foundation
import LambdaHost
import PlatformJSON
import PlatformTestSupport

/// Both interceptor bootstraps under LambdaHost, against moto (a tenants table
/// with a tenant per tier and a suspended one, a tools table, an idempotency
/// table and the signing-key secret, all named uniquely for this test) and the
/// local identity provider.
final class InterceptorStack: Sendable {
    /// One identity provider for every test in the target: tokens carry each
    /// test's own tenant, and one process avoids a start and a stop per test
    /// (it exits with the test process, when its stdin closes).
    static let sharedIdentityProvider = Result { try LocalIdentityProvider() }

    /// The folder holding the test bundle, where `swift build` puts the executables.
    static let binaries: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return (executable as NSString).deletingLastPathComponent
    }()

    let aws: LocalAWS
    let dynamoDB: DynamoDBClient
    let identityProvider: LocalIdentityProvider
    let host: LambdaHost
    /// The standard-tier tenant, the default for tokens without a tier.
    let tenant: TenantID
    /// An active tenant of each tier (`tenant` is the standard one).
    let tenantsByTier: [Tier: TenantID]
    /// A second premium tenant whose own `crm-lookup` row disables the tool for it.
    let otherTenant: TenantID
    /// A premium tenant whose row is `suspended`.
    let suspendedTenant: TenantID
    let tenantsTable: String
    let toolsTable: String
    let idempotencyTable: String
    /// This stack's own PII pattern parameter (`PII_PATTERNS_PARAMETER`), absent until a test writes it.
    let piiPatternsParameter: String
    let signingKey: [UInt8]
    /// The environment both functions get on top of the AWS settings.
    let environment: [String: String]

    init(functionEnvironment overrides: [String: String?] = [:]) async throws {
        aws = try LocalAWS()
        dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        var tenantsByTier: [Tier: TenantID] = [:]
        for tier in [Tier.basic, .standard, .premium] { tenantsByTier[tier] = try TenantID(validating: LocalAWS.unique("ic")) }
        self.tenantsByTier = tenantsByTier
        tenant = tenantsByTier[.standard]!
        otherTenant = try TenantID(validating: LocalAWS.unique("ic"))
        suspendedTenant = try TenantID(validating: LocalAWS.unique("ic"))
        // Private copies of the deployed tables (the local stack's template defines them).
        let tables = try await DeployedTables.createCopies(
            ["platform-tenants", "platform-tools", "platform-idempotency"], in: dynamoDB)
        tenantsTable = tables["TENANTS_TABLE"]!
        toolsTable = tables["TOOLS_TABLE"]!
        idempotencyTable = tables["IDEMPOTENCY_TABLE"]!
        piiPatternsParameter = "/platform/gateway/pii-patterns/" + LocalAWS.unique("it")
        var rows = tenantsByTier.map { Self.tenantRow($0.value, tier: $0.key) }
        rows.append(Self.tenantRow(otherTenant, tier: .premium))
        rows.append(Self.tenantRow(suspendedTenant, tier: .premium, status: .suspended))
        for row in rows {
            _ = try await dynamoDB.putItem(.init(tableName: tenantsTable, item: try row.item()))
        }
        for tool in [
            Self.tool("crm-lookup", .basic), Self.tool("report-builder", .standard), Self.tool("payments-refund", .premium),
            Self.tool("legacy-export", .basic, enabled: false), Self.tool("crm-lookup", .basic, enabled: false, tenant: otherTenant),
        ] {
            _ = try await dynamoDB.putItem(.init(tableName: toolsTable, item: try tool.item()))
        }

        // A unique PLATFORM_ENV gives this test its own signing-key secret name.
        let platformEnvironment = LocalAWS.unique("it")
        let key = (0..<48).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".randomElement()! }
        signingKey = Array(String(key).utf8)
        let secrets = SecretsManagerClient(client: try aws.client(.secretsManager))
        _ = try await secrets.createSecret(
            name: "platform/\(platformEnvironment)/gateway/scoped-token-signing-key", secretString: String(key))

        identityProvider = try Self.sharedIdentityProvider.get()
        var environment = [
            "PLATFORM_ENV": platformEnvironment, "TENANTS_TABLE": tenantsTable, "PII_PATTERNS_PARAMETER": piiPatternsParameter, "TOOLS_TABLE": toolsTable, "IDEMPOTENCY_TABLE": idempotencyTable,
            "ENTRA_ISSUER": identityProvider.issuer, "ENTRA_AUDIENCE": identityProvider.audience,
            "ENTRA_JWKS_URL": identityProvider.jwksURL,
        ]
        for (name, value) in overrides { environment[name] = value }
        self.environment = environment
        let functions = ["request-interceptor", "response-interceptor"].map { name in
            FunctionConfiguration(name: name, bootstrap: "\(Self.binaries)/\(name)", environment: environment, timeout: 30)
        }
        host = try LambdaHost(functions: functions, region: aws.region, hostEnvironment: aws.environment, log: nil)
    }

    func stop() {
        host.stop()
    }

    static func tool(_ name: String, _ tier: Tier, enabled: Bool = true, tenant: TenantID? = nil) -> Tool {
        Tool(toolName: try! ToolName(validating: name), tenantID: tenant, tierMinimum: tier,
             lambdaARN: "arn:aws:lambda:eu-west-2:123456789012:function:tool-\(name)", enabled: enabled)
    }

    /// A tenant's `METADATA` row, as the tenant API writes it.
    static func tenantRow(_ id: TenantID, tier: Tier, status: TenantStatus = .active) -> Tenant {
        let registration = try! TenantRegistration(
            tenantId: id.rawValue, appId: "\(id.rawValue)-app", displayName: id.rawValue, tier: tier.rawValue,
            ownerEmail: "owner@\(id.rawValue).example", ownerTeam: "team", accountId: "123456789012", monthlyBudgetUsd: 100
        ).validated()
        var row = Tenant(registration, now: Date())
        row.status = status
        return row
    }

    /// An Entra-style access token from the local identity provider for a user
    /// of `tenant`; by default the tenant whose row has the tier the token claims
    /// (the standard one without a claim), so claim and row agree.
    func userToken(tier: String?, sub: String = "user-1", tenant: TenantID? = nil, expired: Bool = false) async throws -> String {
        let tenant = tenant ?? tier.flatMap(Tier.init(rawValue:)).flatMap { tenantsByTier[$0] } ?? tenantsByTier[.basic]!
        var claims: [String: Any] = [
            "tenantid": tenant.rawValue, "appid": "app-\(sub)", "sub": sub, "tier": tier ?? NSNull(),
        ]
        if expired {
            // Beyond the validator's 60 s of leeway.
            let now = Int(Date().timeIntervalSince1970)
            claims["iat"] = now - 4_000
            claims["nbf"] = now - 4_000
            claims["exp"] = now - 600
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: claims), as: UTF8.self)
        return try await identityProvider.token(json)
    }

    /// Invokes a function; a function error (anything but an answer) fails the test.
    func invoke(_ function: String, _ event: [UInt8]) async throws -> [UInt8] {
        let result = try await host.invokeAsync(function: function, payload: event)
        if let error = result.error {
            throw FunctionFailed(function: function, errorType: error.errorType,
                                 payload: String(decoding: error.payload, as: UTF8.self))
        }
        return result.payload
    }

    struct FunctionFailed: Error, CustomStringConvertible {
        var function: String
        var errorType: String
        var payload: String
        var description: String { "\(function) failed with \(errorType): \(payload)" }
    }

    /// Every idempotency record in this stack's table, read back through DataAccess's decoding.
    func idempotencyRecords() async throws -> [IdempotencyRecord] {
        try await dynamoDB.scan(.init(tableName: idempotencyTable)).items.map { try IdempotencyRecord(item: $0) }
    }

    /// The raw items of the idempotency table, every attribute as stored.
    func idempotencyItems() async throws -> [DynamoDBItem] {
        try await dynamoDB.scan(.init(tableName: idempotencyTable)).items
    }
}
