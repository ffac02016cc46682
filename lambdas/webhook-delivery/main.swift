// The webhook-delivery Lambda, triggered by the platform-jobs stream.
import LambdaRuntime

await LambdaRuntime.run(setUp: { initContext in
    let handler = WebhookDeliveryHandler(dependencies: try WebhookDeliveryWiring.dependencies(
        environment: initContext.environment, logger: initContext.logger, metrics: initContext.metrics))
    return .codable { (event: DynamoDBStreamEvent, _: LambdaContext) -> WebhookDeliveryReport in
        WebhookDeliveryReport(outcomes: await handler.handle(event.records).map { "\($0)" })
    }
})
