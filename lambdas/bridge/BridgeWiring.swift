import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import LambdaRuntime

/// Builds the bridge's dependencies from the environment the infra sets.
///
/// Variables: `AWS_REGION` (home), table names (`TableNames`), `TENANT_DATA_BUCKET`
/// (`platform-tenant-data`), `ASYNC_RUNNER_FUNCTION` (`async-runner`),
/// `RUNTIME_REGION_PRIMARY` / `RUNTIME_REGION_FALLBACK` (`eu-west-1` / `eu-central-1`),
/// `PLATFORM_ENV` (names the runtime-session key secret
/// `platform/{env}/bridge/runtime-session-key`, ADR 0026),
/// plus the SDK-standard `AWS_ENDPOINT_URL*` overrides.
enum BridgeWiring {
    /// A variable the bridge cannot start without.
    struct Missing: Error, CustomStringConvertible {
        var variable: String
        var description: String { "environment variable \(variable) is required" }
    }

    static func dependencies(environment: [String: String], logger: LambdaLogger,
                             metrics: LambdaMetrics) throws -> BridgeDependencies {
        guard let platformEnvironment = environment["PLATFORM_ENV"], !platformEnvironment.isEmpty else {
            throw Missing(variable: "PLATFORM_ENV")
        }
        let transport = CurlTransport()
        // Sync invocations may wait up to 15 minutes for the agent.
        let runtimeTransport = CurlTransport(configuration: .init(timeout: .seconds(900), streamTimeout: .seconds(900)))
        let tables = TableNames(environment: environment)
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
        let parameters = SSMParameterStore(ssm: SSMClient(client: try AWSClient(
            service: .ssm, environment: environment, transport: transport)))
        let sts = STSClient(client: try AWSClient(service: .sts, environment: environment, transport: transport))
        let s3 = S3Client(client: try AWSClient(service: .s3, environment: environment, transport: transport))
        let secrets = SecretsManagerClient(client: try AWSClient(service: .secretsManager, environment: environment,
                                                                 transport: transport))
        let lambda = LambdaClient(client: try AWSClient(service: .lambda, environment: environment, transport: transport))
        let primary = environment["RUNTIME_REGION_PRIMARY"] ?? "eu-west-1"
        let fallback = environment["RUNTIME_REGION_FALLBACK"] ?? "eu-central-1"
        // One attempt per region: an unavailable region is handled by failover, not by retrying it.
        let agentCore = try AWSClient(service: .bedrockAgentCore, environment: environment, transport: runtimeTransport,
                                      region: primary, retry: RetryPolicy(maxAttempts: 1))
        let regions = RuntimeRegionCache(parameters: parameters, defaultRegion: primary)
        let coordinator = FailoverCoordinator(
            lockStore: DynamoDBFailoverLockStore(dynamoDB: dynamoDB, table: tables.opsLocks), parameters: parameters,
            regions: regions, primaryRegion: primary, fallbackRegion: fallback,
            owner: "bridge:\(environment["AWS_LAMBDA_LOG_STREAM_NAME"] ?? "local")")
        let bucket = environment["TENANT_DATA_BUCKET"] ?? "platform-tenant-data"
        let cacheSeconds = environment["BRIDGE_CACHE_SECONDS"].flatMap(TimeInterval.init) ?? 30
        let tenants = TimedCache<Tenant?>(ttl: cacheSeconds, now: { Date() })
        return BridgeDependencies(
            registry: CachedAgentRegistry(DynamoDBAgentRegistry(dynamoDB: dynamoDB, table: tables.agents), ttl: cacheSeconds),
            tenantStore: {
                CachedTenantStore(store: DynamoDBTenantStore(scoped: TenantScopedDynamoDB(tenant: $0, dynamoDB: dynamoDB),
                                                             tables: tables), tenants: tenants)
            },
            idempotency: {
                DynamoDBIdempotencyStore(scoped: TenantScopedDynamoDB(tenant: $0, dynamoDB: dynamoDB), table: tables.idempotency)
            },
            sessionKey: SecretsManagerSessionKey(
                secretID: SecretsManagerSessionKey.secretID(environment: platformEnvironment), secrets: secrets),
            credentials: TenantRoleCredentials(sts: sts, parameters: parameters),
            runtime: AgentCoreRuntime(base: agentCore, environment: environment),
            failover: FailoverInvoker(regions: regions, coordinator: coordinator),
            asyncRunner: LambdaAsyncRunnerStarter(lambda: lambda,
                                                  functionName: environment["ASYNC_RUNNER_FUNCTION"] ?? "async-runner"),
            results: S3ResultLinker { TenantScopedS3(tenant: $0, s3: s3, bucket: bucket) },
            metrics: EMFBridgeMetrics(metrics: metrics), log: { logger.info($0) },
            now: { Date() }, newID: { UUID() })
    }
}
