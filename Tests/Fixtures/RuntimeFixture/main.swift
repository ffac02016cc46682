// A test function whose behaviour each event chooses. FIXTURE_MODE selects
// buffered (default) or streaming; FIXTURE_INIT=fail|hang|exit breaks start-up.
import FoundationEssentials
import LambdaRuntime
#if canImport(Glibc)
import Glibc
#endif

func act(_ event: FixtureEvent, _ context: LambdaContext) async throws -> [UInt8] {
    switch event.action {
    case "echo":
        return Array((event.value ?? "").utf8)
    case "context":
        let environment = ProcessInfo.processInfo.environment
        let report = FixtureContextReport(
            requestID: context.requestID, invokedFunctionARN: context.invokedFunctionARN,
            traceID: context.traceID, traceEnvironment: environment["_X_AMZN_TRACE_ID"],
            clientContext: context.clientContext, tenantID: context.tenantID,
            remainingMilliseconds: context.remainingTime.components.seconds * 1000
                + context.remainingTime.components.attoseconds / 1_000_000_000_000_000,
            functionName: environment["AWS_LAMBDA_FUNCTION_NAME"],
            memorySize: environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"],
            logFormat: environment["AWS_LAMBDA_LOG_FORMAT"], handler: environment["_HANDLER"],
            taskRoot: environment["LAMBDA_TASK_ROOT"]
        )
        return [UInt8](try JSONEncoder().encode(report))
    case "throw":
        throw LambdaFunctionError(errorType: "Fixture.Failure", message: "asked to fail")
    case "crash":
        exit(3)
    case "sleep":
        try await Task.sleep(for: .milliseconds(event.milliseconds ?? 0))
        return Array("slept".utf8)
    case "big":
        return [UInt8](repeating: UInt8(ascii: "x"), count: event.bytes ?? 0)
    case "log":
        context.logger.info("fixture says \(event.value ?? "")")
        context.metrics.emit("FixtureCalls", 1, unit: .count, dimensions: [("TenantId", context.tenantID ?? "none")])
        return Array("logged".utf8)
    default:
        throw LambdaFunctionError(errorType: "Fixture.UnknownAction", message: "unknown action \(event.action)")
    }
}

func stream(_ event: FixtureEvent, _ writer: LambdaResponseStreamWriter, _ context: LambdaContext) async throws {
    switch event.action {
    case "stream", "stream-fail":
        try writer.writeHTTPPrelude(statusCode: 201, headers: ["content-type": "text/event-stream"], cookies: ["a=b"])
        for index in 1...3 {
            try writer.write("data: \(index)\n\n")
            try await Task.sleep(for: .milliseconds(event.milliseconds ?? 0))
            if event.action == "stream-fail", index == 2 {
                throw LambdaFunctionError(errorType: "Fixture.StreamFailure", message: "failed after two chunks")
            }
        }
    default:
        try writer.write(try await act(event, context))
    }
}

await LambdaRuntime.run(setUp: { initContext in
    switch initContext.environment["FIXTURE_INIT"] {
    case "fail": throw LambdaFunctionError(errorType: "Fixture.InitFailure", message: "asked to fail init")
    case "hang": try await Task.sleep(for: .seconds(3600))
    case "exit": exit(4)
    default: break
    }
    initContext.logger.info("fixture initialised")
    if initContext.environment["FIXTURE_MODE"] == "streaming" {
        return .streaming { payload, writer, context in
            try await stream(try JSONDecoder().decode(FixtureEvent.self, from: payload), writer, context)
        }
    }
    return .raw { payload, context in
        Data(try await act(try JSONDecoder().decode(FixtureEvent.self, from: payload), context))
    }
})
