import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import LambdaRuntime

/// Builds the async-runner's dependencies from the environment.
///
/// Variables: `AWS_REGION`, table names (`TableNames`), `TENANT_DATA_BUCKET`
/// (`platform-tenant-data`), `ASYNC_RUNNER_FUNCTION` (`async-runner`, itself),
/// `ASYNC_RUNNER_POLL_SECONDS` (5), and the `AWS_ENDPOINT_URL*` overrides.
enum AsyncRunnerWiring {
    static func dependencies(environment: [String: String], logger: LambdaLogger) throws -> AsyncRunnerDependencies {
        let transport = CurlTransport()
        let tables = TableNames(environment: environment)
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
        let s3 = S3Client(client: try AWSClient(service: .s3, environment: environment, transport: transport))
        let parameters = SSMParameterStore(ssm: SSMClient(client: try AWSClient(
            service: .ssm, environment: environment, transport: transport)))
        let sts = STSClient(client: try AWSClient(service: .sts, environment: environment, transport: transport))
        let lambda = LambdaClient(client: try AWSClient(service: .lambda, environment: environment, transport: transport))
        let agentCore = try AWSClient(service: .bedrockAgentCore, environment: environment, transport: transport,
                                      region: environment["RUNTIME_REGION_PRIMARY"] ?? "eu-west-1")
        let bucket = environment["TENANT_DATA_BUCKET"] ?? "platform-tenant-data"
        var dependencies = AsyncRunnerDependencies(
            jobs: { tenant in
                ScopedJobStore(dynamoDB: TenantScopedDynamoDB(tenant: tenant, dynamoDB: dynamoDB),
                               s3: TenantScopedS3(tenant: tenant, s3: s3, bucket: bucket), tables: tables)
            },
            credentials: TenantRoleCredentials(sts: sts, parameters: parameters),
            runtime: AgentCoreRuntime(base: agentCore, environment: environment),
            continuation: LambdaRunnerContinuation(lambda: lambda,
                                                   functionName: environment["ASYNC_RUNNER_FUNCTION"] ?? "async-runner"),
            log: { logger.info($0) }, now: { Date() }, sleep: { try await Task.sleep(for: $0) })
        if let seconds = environment["ASYNC_RUNNER_POLL_SECONDS"].flatMap(Double.init), seconds > 0 {
            dependencies.pollInterval = .milliseconds(Int64(seconds * 1000))
        }
        return dependencies
    }
}
