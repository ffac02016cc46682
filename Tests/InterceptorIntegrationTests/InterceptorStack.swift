import AWSCore
import DataAccess
import Foundation
import LambdaHost
import PlatformJSON
import PlatformTestSupport

/// Both interceptor bootstraps under LambdaHost, against moto (a tools table,
/// an idempotency table and the signing-key secret, all named uniquely for
/// this test) and the local identity provider.
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
    let tenant: TenantID
    /// A second tenant whose own `crm-lookup` row disables the tool for it.
    let otherTenant: TenantID
    let toolsTable: String
    let idempotencyTable: String
    let signingKey: [UInt8]
    /// The environment both functions get on top of the AWS settings.
    let environment: [String: String]

    init(functionEnvironment overrides: [String: String?] = [:]) async throws {
        aws = try LocalAWS()
        dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        tenant = try TenantID(validating: LocalAWS.unique("ic"))
        otherTenant = try TenantID(validating: LocalAWS.unique("ic"))
        // Private copies of the deployed tables (the local stack's template defines them).
        let tables = try await DeployedTables.createCopies(["platform-tools", "platform-idempotency"], in: dynamoDB)
        toolsTable = tables["TOOLS_TABLE"]!
        idempotencyTable = tables["IDEMPOTENCY_TABLE"]!
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
            "PLATFORM_ENV": platformEnvironment, "TOOLS_TABLE": toolsTable, "IDEMPOTENCY_TABLE": idempotencyTable,
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

    /// An Entra-style access token from the local identity provider for a user of `tenant`.
    func userToken(tier: String?, sub: String = "user-1", tenant: TenantID? = nil, expired: Bool = false) async throws -> String {
        var claims: [String: Any] = [
            "tenantid": (tenant ?? self.tenant).rawValue, "appid": "app-\(sub)", "sub": sub, "tier": tier ?? NSNull(),
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

    /// Every idempotency record of `tenant`, read back through DataAccess's decoding.
    func idempotencyRecords() async throws -> [IdempotencyRecord] {
        let prefix = "IDEMPOTENCY#\(tenant.rawValue)#"
        return try await dynamoDB.scan(.init(tableName: idempotencyTable)).items
            .filter { item in
                if case .s(let key)? = item["PK"] { return key.hasPrefix(prefix) }
                return false
            }
            .map { try IdempotencyRecord(item: $0) }
    }
}
