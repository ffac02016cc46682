// bff: Entra on-behalf-of token refresh and runtime session keep-alive for the SPA.
import AWSCore
import LambdaEvents
import LambdaRuntime

await LambdaRuntime.run(setUp: { context in
    let handler = try BFFHandler.live(configuration: try BFFConfiguration(environment: context.environment),
                                      environment: context.environment, transport: CurlTransport())
    return .codable { (event: APIGatewayProxyRequest, invocation: LambdaContext) in
        await handler.handle(event, log: { line in invocation.logger.info(line) })
    }
})
