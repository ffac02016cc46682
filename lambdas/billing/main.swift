// billing: daily; prices yesterday's (or the event's `date`) tokens per tenant and suspends over-budget tenants.
import AWSCore
import LambdaRuntime

await LambdaRuntime.run(setUp: { context in
    let handler = try BillingHandler.live(environment: context.environment, transport: CurlTransport())
    return .codable { (event: BillingHandler.Event, invocation: LambdaContext) in
        try await handler.handle(event, log: { line in invocation.logger.info(line) })
    }
})
