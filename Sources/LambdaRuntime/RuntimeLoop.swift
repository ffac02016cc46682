import FoundationEssentials
import HTTPWire

/// The Runtime API loop: `next`, run the handler, report the result, repeat.
package struct RuntimeLoop: Sendable {
    /// Why the loop stopped; each is fatal for the process.
    package enum Failure: Error, Equatable {
        case transport(HTTPWireError)
        case badInvocation(LambdaContext.HeaderError)
        /// `next` answered with a non-200 status (the environment is shutting down).
        case nextRejected(status: Int)
    }

    let transport: any RuntimeAPITransport
    let handler: LambdaHandler
    let clock: LambdaClock
    let log: LogConfiguration
    let metrics: LambdaMetrics
    let setTraceID: @Sendable (String?) -> Void

    package init(
        transport: any RuntimeAPITransport, handler: LambdaHandler, clock: LambdaClock, log: LogConfiguration,
        metrics: LambdaMetrics, setTraceID: @escaping @Sendable (String?) -> Void
    ) {
        self.transport = transport
        self.handler = handler
        self.clock = clock
        self.log = log
        self.metrics = metrics
        self.setTraceID = setTraceID
    }

    package func run() async throws(Failure) -> Never {
        while true { try await runOnce() }
    }

    /// Handles exactly one invocation.
    package func runOnce() async throws(Failure) {
        let invocation: RuntimeAPIResponse
        do { invocation = try transport.exchange(.next) } catch { throw .transport(error) }
        guard invocation.status == 200 else { throw .nextRejected(status: invocation.status) }
        let context: LambdaContext
        do {
            context = try LambdaContext(headers: invocation.headers, clock: clock, log: log, metrics: metrics)
        } catch {
            throw .badInvocation(error)
        }
        setTraceID(context.traceID)
        let payload = Data(invocation.body)
        do {
            switch handler.kind {
            case .buffered(let body):
                try await respond(buffered: body, payload: payload, context: context)
            case .streaming(let body):
                try await respond(streaming: body, payload: payload, context: context)
            }
        } catch {
            throw .transport(error)
        }
    }

    private func respond(
        buffered body: @Sendable (Data, LambdaContext) async throws -> Data, payload: Data, context: LambdaContext
    ) async throws(HTTPWireError) {
        let request: RuntimeAPIRequest
        do {
            let output = try await body(payload, context)
            request = .response(requestID: context.requestID, body: [UInt8](output))
        } catch {
            request = report(error, context: context)
        }
        let reply = try transport.exchange(request)
        if reply.status >= 300 {
            // 413 for a response over 6 MB: Lambda has already failed the invocation.
            context.logger.error("Runtime API rejected the result with HTTP \(reply.status)")
        }
    }

    private func respond(
        streaming body: @Sendable (Data, LambdaResponseStreamWriter, LambdaContext) async throws -> Void,
        payload: Data, context: LambdaContext
    ) async throws(HTTPWireError) {
        let writer = LambdaResponseStreamWriter(transport: transport, requestID: context.requestID)
        do {
            try await body(payload, writer, context)
            _ = try writer.finish()
        } catch let error as HTTPWireError {
            throw error
        } catch {
            if writer.hasStarted {
                context.logger.error("stream failed: \(LambdaFunctionError(reporting: error).errorType)")
                _ = try writer.finish(error: LambdaFunctionError(reporting: error))
            } else {
                _ = try transport.exchange(report(error, context: context))
            }
        }
    }

    private func report(_ error: any Error, context: LambdaContext) -> RuntimeAPIRequest {
        let failure = LambdaFunctionError(reporting: error)
        context.logger.error("invocation failed: \(failure.errorType)")
        return .error(requestID: context.requestID, failure)
    }
}
