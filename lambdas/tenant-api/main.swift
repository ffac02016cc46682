// tenant-api: tenants, self-service, webhooks, agent registry and operator actions.
import LambdaEvents
import LambdaRuntime

await LambdaRuntime.run(setUp: { context in
    let logger = context.logger
    let api = TenantAPI(dependencies: try .aws(environment: context.environment) { level, message, fields in
        let levels: [String: LogLevel] = ["INFO": .info, "WARN": .warn, "ERROR": .error]
        logger.log(levels[level] ?? .info, JSONLog.text(message: message, fields: fields))
    })
    return .codable { (event: APIGatewayProxyRequest, _: LambdaContext) in await api.handle(event) }
})
