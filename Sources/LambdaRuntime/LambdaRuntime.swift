import CGlibcShim
#if canImport(Glibc)
import Glibc
#endif

/// Runs a function under the Lambda Runtime API. Call once from `main.swift`:
///
///     await LambdaRuntime.run { (event: Greeting, context) in
///         Reply(message: "hello \(event.name)")
///     }
public enum LambdaRuntime {
    /// Runs a Codable handler: JSON event in, JSON output back.
    public static func run<Event: Decodable & SendableMetatype, Output: Encodable & SendableMetatype>(
        _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output
    ) async -> Never {
        await run(setUp: { _ in .codable(body) })
    }

    /// Runs `handler` with no initialisation step.
    public static func run(_ handler: LambdaHandler) async -> Never {
        await run(setUp: { _ in handler })
    }

    /// Runs `setUp` once before the first invocation; when it throws, the error
    /// goes to `/runtime/init/error` and the process exits with status 1.
    public static func run(setUp: @Sendable (LambdaInitContext) async throws -> LambdaHandler) async -> Never {
        _ = cglibcshim_anchor()
        let environment = ProcessEnvironment.current()
        let address = environment["AWS_LAMBDA_RUNTIME_API"] ?? ""
        guard let transport = SocketRuntimeAPITransport(address: address) else {
            fail("AWS_LAMBDA_RUNTIME_API is missing or not host:port")
        }
        let clock = LambdaClock.system
        let log = LogConfiguration(environment: environment, sink: StandardOutputSink(), clock: clock)
        let functionName = environment["AWS_LAMBDA_FUNCTION_NAME"] ?? "unknown"
        let metrics = LambdaMetrics(
            namespace: environment["PLATFORM_METRICS_NAMESPACE"] ?? "AgentPlatform",
            dimensions: [("FunctionName", functionName)], sink: StandardOutputSink(), clock: clock, requestID: nil
        )
        let initContext = LambdaInitContext(
            environment: environment, logger: LambdaLogger(configuration: log, requestID: nil), metrics: metrics
        )
        let handler: LambdaHandler
        do {
            handler = try await setUp(initContext)
        } catch {
            let failure = LambdaFunctionError(reporting: error)
            initContext.logger.fatal("initialisation failed: \(failure.errorType)")
            _ = try? transport.exchange(.initError(failure))
            exit(1)
        }
        let loop = RuntimeLoop(
            transport: transport, handler: handler, clock: clock, log: log, metrics: metrics,
            setTraceID: ProcessEnvironment.setTraceID
        )
        do {
            try await loop.run()
        } catch {
            fail("Runtime API loop stopped: \(error)")
        }
    }

    private static func fail(_ message: String) -> Never {
        var line = Array("lambda runtime: \(message)\n".utf8)
        _ = line.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        exit(1)
    }
}
