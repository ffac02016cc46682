import AWSCore
import DataAccess
import EntraAuth
import Foundation
import LambdaHost
import LocalGateway
import LocalMCPGateway
import PlatformJSON
import PlatformTestSupport
import Testing

/// The tool path on real parts: both interceptor bootstraps and both tool
/// bootstraps under LambdaHost, against moto (a tenant per tier, a suspended
/// one, the tools table with schemas, the idempotency table and the signing
/// key, all unique to this stack) and the local identity provider, behind the
/// local MCP gateway. Invocations are counted per function.
final class ToolGatewayStack: Sendable {
    static let sharedIdentityProvider = Result { try LocalIdentityProvider() }

    static let binaries: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return (executable as NSString).deletingLastPathComponent
    }()

    let aws: LocalAWS
    let identityProvider: LocalIdentityProvider
    let host: LambdaHost
    let invoker: CountingInvoker
    let gateway: MCPGateway
    let tenantsByTier: [Tier: TenantID]
    let suspendedTenant: TenantID
    let signingKey: [UInt8]

    init() async throws {
        aws = try LocalAWS()
        let dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        var tenantsByTier: [Tier: TenantID] = [:]
        for tier in [Tier.basic, .standard, .premium] { tenantsByTier[tier] = try TenantID(validating: LocalAWS.unique("tg")) }
        self.tenantsByTier = tenantsByTier
        suspendedTenant = try TenantID(validating: LocalAWS.unique("tg"))
        let tenantsTable = LocalAWS.unique("platform-tenants")
        let toolsTable = LocalAWS.unique("platform-tools")
        let idempotencyTable = LocalAWS.unique("platform-idempotency")
        _ = try await dynamoDB.createTable(.init(tableName: tenantsTable, partitionKey: .init("PK"), sortKey: .init("SK")))
        var rows = tenantsByTier.map { Self.tenantRow($0.value, tier: $0.key) }
        rows.append(Self.tenantRow(suspendedTenant, tier: .premium, status: .suspended))
        for row in rows { _ = try await dynamoDB.putItem(.init(tableName: tenantsTable, item: try row.item())) }
        _ = try await dynamoDB.createTable(.init(tableName: toolsTable, partitionKey: .init("PK"), sortKey: .init("SK")))
        _ = try await dynamoDB.createTable(.init(tableName: idempotencyTable, partitionKey: .init("PK")))
        for (name, tier, description) in [
            ("echo", Tier.basic, "Echo a text back"), ("tenant-status", .premium, "The caller's tenant status"),
            ("ghost", .basic, "A target whose Lambda is not deployed"),
        ] {
            let tool = Tool(toolName: try ToolName(validating: name), tenantID: nil, tierMinimum: tier,
                            lambdaARN: "arn:aws:lambda:eu-west-2:123456789012:function:tool-\(name)", enabled: true)
            var item = try tool.item()
            item["description"] = .s(description)
            item["inputSchema"] = .s(#"{"type":"object","properties":{"text":{"type":"string"}}}"#)
            _ = try await dynamoDB.putItem(.init(tableName: toolsTable, item: item))
        }

        let platformEnvironment = LocalAWS.unique("tg")
        let key = (0..<48).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".randomElement()! }
        signingKey = Array(String(key).utf8)
        _ = try await SecretsManagerClient(client: try aws.client(.secretsManager)).createSecret(
            name: "platform/\(platformEnvironment)/gateway/scoped-token-signing-key", secretString: String(key))

        identityProvider = try Self.sharedIdentityProvider.get()
        let environment = [
            "PLATFORM_ENV": platformEnvironment, "TENANTS_TABLE": tenantsTable, "TOOLS_TABLE": toolsTable,
            "IDEMPOTENCY_TABLE": idempotencyTable, "PII_PATTERNS_PARAMETER": "/platform/gateway/pii-patterns/" + LocalAWS.unique("tg"),
            "ENTRA_ISSUER": identityProvider.issuer, "ENTRA_AUDIENCE": identityProvider.audience,
            "ENTRA_JWKS_URL": identityProvider.jwksURL,
        ]
        let functions = ["request-interceptor", "response-interceptor", "tool-echo", "tool-tenant-status"].map { name in
            FunctionConfiguration(name: name, bootstrap: "\(Self.binaries)/\(name)", environment: environment, timeout: 30)
        }
        host = try LambdaHost(functions: functions, region: aws.region, hostEnvironment: aws.environment, log: nil)
        invoker = CountingInvoker(LambdaHostInvoker(host: host))
        let validator = try EntraTokenValidator(
            configuration: EntraConfiguration(issuer: identityProvider.issuer, audience: identityProvider.audience,
                                              jwksURL: identityProvider.jwksURL),
            transport: aws.transport)
        gateway = MCPGateway(
            authenticate: { token in _ = try await validator.validate(token, now: Date()) },
            catalog: DynamoDBToolCatalog(dynamoDB: dynamoDB, tableName: toolsTable), invoker: invoker)
    }

    func stop() { host.stop() }

    static func tenantRow(_ id: TenantID, tier: Tier, status: TenantStatus = .active) -> Tenant {
        let registration = try! TenantRegistration(
            tenantId: id.rawValue, appId: "\(id.rawValue)-app", displayName: id.rawValue, tier: tier.rawValue,
            ownerEmail: "owner@\(id.rawValue).example", ownerTeam: "team", accountId: "123456789012", monthlyBudgetUsd: 100
        ).validated()
        var row = Tenant(registration, now: Date())
        row.status = status
        return row
    }

    /// A user token of `tenant` from the local identity provider.
    func userToken(_ tenant: TenantID, sub: String = "user-1") async throws -> String {
        try await identityProvider.token(#"{"tenantid":"\#(tenant.rawValue)","appid":"app-\#(sub)","sub":"\#(sub)"}"#)
    }

    /// One MCP POST through the gateway; the answer's body parsed.
    func post(_ body: String, token: String?, session: String? = "sess-\(UUID().uuidString)") async throws -> (status: Int, body: JSONValue?, raw: String) {
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json, text/event-stream")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if let session { headers.append(("Mcp-Session-Id", session)) }
        let response = await gateway.handle(headers: headers, body: Array(body.utf8))
        return (response.statusCode, try? JSONParser().parse(response.body), String(decoding: response.body, as: UTF8.self))
    }

    /// A tool Lambda invoked directly, as only the gateway should.
    func invokeTool(_ function: String, _ event: JSONValue) async throws -> JSONValue {
        let result = try await host.invokeAsync(function: function, payload: event.serialized())
        #expect(result.error == nil)
        return try JSONParser().parse(result.payload)
    }
}

/// The gateway's invoker, counting what reached each function.
final class CountingInvoker: FunctionInvoker, @unchecked Sendable {
    private let inner: any FunctionInvoker
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    init(_ inner: any FunctionInvoker) { self.inner = inner }

    func invoke(function: String, payload: [UInt8]) throws(FunctionInvokeError) -> any FunctionResponseSource {
        lock.withLock { counts[function, default: 0] += 1 }
        return try inner.invoke(function: function, payload: payload)
    }

    func count(_ function: String) -> Int { lock.withLock { counts[function] ?? 0 } }
}
