import AWSCore
import DataAccess
import FoundationEssentials
import LambdaRuntime

/// Builds webhook-delivery's dependencies from the environment.
///
/// Variables: `AWS_REGION`, table names, `WEBHOOK_DLQ_URL` (optional),
/// `WEBHOOK_RETRY_BASE_SECONDS` (2), `PLATFORM_ENV` with `WEBHOOK_LOCAL_RECEIVERS`
/// (a local stack's loopback receivers, `host:port,...`; read only when `PLATFORM_ENV=local`).
enum WebhookDeliveryWiring {
    static func dependencies(environment: [String: String], logger: LambdaLogger,
                             metrics: LambdaMetrics) throws -> WebhookDeliveryDependencies {
        let transport = CurlTransport()
        let callbacks = CurlTransport(configuration: .init(connectTimeout: .seconds(5), timeout: .seconds(10)))
        let tables = TableNames(environment: environment)
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
        let sqs = SQSClient(client: try AWSClient(service: .sqs, environment: environment, transport: transport))
        var dependencies = WebhookDeliveryDependencies(
            store: { ScopedWebhookStore(dynamoDB: TenantScopedDynamoDB(tenant: $0, dynamoDB: dynamoDB), tables: tables) },
            sender: CurlWebhookSender(transport: callbacks), resolver: SystemCallbackResolver(),
            deadLetters: SQSDeadLetters(sqs: sqs, queueURL: environment["WEBHOOK_DLQ_URL"]),
            metric: { name, tenant in metrics.emit(name, 1, dimensions: [("TenantId", tenant)]) },
            log: { logger.info($0) }, now: { Date() }, sleep: { try await Task.sleep(for: $0) },
            random: { Double.random(in: 0..<1) })
        if let seconds = environment["WEBHOOK_RETRY_BASE_SECONDS"].flatMap(Double.init), seconds >= 0 {
            dependencies.retryBase = .milliseconds(Int64(seconds * 1000))
        }
        dependencies.localReceivers = LocalWebhookReceivers(environment: environment)
        return dependencies
    }
}
