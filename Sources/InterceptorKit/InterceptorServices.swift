import AWSCore
import DataAccess
import EntraAuth
import FoundationEssentials

/// What both interceptor Lambdas build from their environment: the user-token
/// check (the authoriser's `EntraTokenValidator`), the tenant row (cached 30 s)
/// and the tool entitlement on the tools table.
public struct InterceptorServices: Sendable {
    public let authenticate: Authenticator
    public let tenants: TenantStandingCache
    public let entitlement: ToolEntitlement
    public let dynamoDB: DynamoDBClient
    public let tables: TableNames

    /// Reads `ENTRA_ISSUER`, `ENTRA_AUDIENCE`, `ENTRA_JWKS_URL`, `TENANTS_TABLE`,
    /// `TOOLS_TABLE` (and the other `TableNames` variables) and the AWS settings.
    public static func live(
        environment: [String: String], transport: any HTTPTransport, now: @escaping @Sendable () -> Date
    ) throws -> InterceptorServices {
        let validator = try EntraTokenValidator(configuration: try EntraConfiguration(environment: environment), transport: transport)
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
        let tables = TableNames(environment: environment)
        return InterceptorServices(
            authenticate: { (token: String) async throws(EntraAuthError) -> EntraPrincipal in
                try await validator.validate(token, now: now())
            },
            tenants: TenantStandingCache(store: DynamoDBTenantStore(dynamoDB: dynamoDB, tableName: tables.tenants), now: now),
            entitlement: ToolEntitlement(store: DynamoDBToolStore(dynamoDB: dynamoDB, tableName: tables.tools)),
            dynamoDB: dynamoDB, tables: tables)
    }
}
