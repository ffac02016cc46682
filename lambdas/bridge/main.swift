// The bridge Lambda: agents, invoke (sync, streaming, async) and jobs.
// It always answers through Lambda response streaming (see HTTPResponder).
import FoundationEssentials
import LambdaEvents
import LambdaRuntime

await LambdaRuntime.run(setUp: { initContext in
    let handler = BridgeHandler(dependencies: try BridgeWiring.dependencies(
        environment: initContext.environment, logger: initContext.logger, metrics: initContext.metrics))
    return .streaming { payload, writer, _ in
        let request = try JSONDecoder().decode(APIGatewayProxyRequest.self, from: payload)
        try await handler.handle(request, sink: LambdaStreamSink(writer: writer))
    }
})
