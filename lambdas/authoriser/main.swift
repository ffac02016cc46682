// The REST API REQUEST authoriser (SYSTEM.md section 4). Wiring only: the
// decision logic is AuthoriserHandler in AuthoriserCore.
import AWSCore
import AuthoriserCore
import DataAccess
import EntraAuth
import FoundationEssentials
import LambdaEvents
import LambdaRuntime

await LambdaRuntime.run { context in
    let environment = context.environment
    let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
    let tables = TableNames(environment: environment)
    let directory = ControlPlaneDirectory(
        records: ControlPlaneDynamoDB(dynamoDB: DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))),
        secrets: SecretsManagerClient(client: try AWSClient(service: .secretsManager, environment: environment, transport: transport)),
        tables: tables
    )
    let validator = try EntraTokenValidator(configuration: try EntraConfiguration(environment: environment), transport: transport)
    let seconds = { (name: String, fallback: Double) in environment[name].flatMap(Double.init) ?? fallback }
    let logger = context.logger
    let security = LambdaMetrics(namespace: "platform/security", dimensions: [], sink: StandardOutputSink(),
                                 clock: .system, requestID: nil)
    let handler = AuthoriserHandler(
        tokens: EntraBearerTokenVerifier(validator: validator), directory: directory,
        region: try AWSEnvironment(environment).region(),
        tenantTTL: seconds("TENANT_CACHE_TTL_SECONDS", 30), secretTTL: seconds("API_KEY_SECRET_CACHE_TTL_SECONDS", 300),
        log: { logger.info($0) },
        countDenial: { reason in
            // Beside TenantAccessViolation, so one dashboard shows every refused attempt.
            security.emit("AuthorisationDenied", 1, dimensions: [("Reason", reason)])
        }
    )
    return .codable { (event: APIGatewayAuthorizerRequest, _: LambdaContext) in try await handler.handle(event) }
}
