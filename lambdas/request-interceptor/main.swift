// request-interceptor: the AgentCore Gateway REQUEST interceptor (SYSTEM.md section 9).
// Wiring only: the checks are RequestInterceptor's.
import AWSCore
import FoundationEssentials
import LambdaRuntime

await LambdaRuntime.run(setUp: { context in
    let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
    let interceptor = try RequestInterceptor.live(environment: context.environment, transport: transport)
    return .raw { event, invocation in
        let result = await interceptor.handle(Array(event))
        invocation.logger.info("request interceptor: \(result.outcome)")
        return Data(result.output)
    }
})
