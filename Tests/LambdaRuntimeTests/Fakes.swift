import HTTPWire
@testable import LambdaRuntime
import Synchronization

/// Collects log and metric lines.
final class CapturingSink: LogSink {
    let lines = Mutex<[String]>([])
    func write(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A Runtime API that hands out queued `next` replies and records what the runtime sent.
final class FakeTransport: RuntimeAPITransport {
    enum Sent: Equatable {
        case request(RuntimeAPIRequest)
        case streamHead(RuntimeAPIRequest)
        case chunk([UInt8])
        case streamEnd(HTTPFields)
    }

    private let state = Mutex<(invocations: [RuntimeAPIResponse], sent: [Sent])>(([], []))

    init(invocations: [RuntimeAPIResponse]) {
        state.withLock { $0.invocations = invocations }
    }

    var sent: [Sent] { state.withLock { $0.sent } }

    func exchange(_ request: RuntimeAPIRequest) throws(HTTPWireError) -> RuntimeAPIResponse {
        try state.withLock { (state) throws(HTTPWireError) -> RuntimeAPIResponse in
            if request == .next {
                guard !state.invocations.isEmpty else { throw .connectionClosed }
                return state.invocations.removeFirst()
            }
            state.sent.append(.request(request))
            return RuntimeAPIResponse(status: 202)
        }
    }

    func beginStream(_ head: RuntimeAPIRequest) throws(HTTPWireError) { state.withLock { $0.sent.append(.streamHead(head)) } }
    func writeChunk(_ bytes: [UInt8]) throws(HTTPWireError) { state.withLock { $0.sent.append(.chunk(bytes)) } }
    func endStream(trailers: HTTPFields) throws(HTTPWireError) -> RuntimeAPIResponse {
        state.withLock { $0.sent.append(.streamEnd(trailers)) }
        return RuntimeAPIResponse(status: 202)
    }
}

enum Fixture {
    static let clock = LambdaClock { 1_700_000_000_000 }

    static func invocation(id: String = "req-1", body: String, trace: String? = "Root=1-abc") -> RuntimeAPIResponse {
        var headers: HTTPFields = [
            "Lambda-Runtime-Aws-Request-Id": id,
            "Lambda-Runtime-Deadline-Ms": "1700000003000",
            "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:eu-west-1:1:function:f",
        ]
        if let trace { headers.add("Lambda-Runtime-Trace-Id", trace) }
        return RuntimeAPIResponse(status: 200, headers: headers, body: Array(body.utf8))
    }

    static func loop(_ transport: FakeTransport, _ handler: LambdaHandler, sink: CapturingSink = CapturingSink(),
                     traces: TraceRecorder = TraceRecorder()) -> RuntimeLoop {
        let log = LogConfiguration(format: .json, minimumLevel: .info, sink: sink, clock: clock)
        let metrics = LambdaMetrics(namespace: "NS", dimensions: [], sink: sink, clock: clock, requestID: nil)
        return RuntimeLoop(
            transport: transport, handler: handler, clock: clock, log: log, metrics: metrics,
            setTraceID: { id in traces.ids.withLock { $0.append(id) } }
        )
    }
}

/// Records what the loop exported as `_X_AMZN_TRACE_ID`.
final class TraceRecorder: Sendable {
    let ids = Mutex<[String?]>([])
}
