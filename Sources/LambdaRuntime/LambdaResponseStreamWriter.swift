import FoundationEssentials
import HTTPWire
import Synchronization

/// Streams a response to the caller chunk by chunk as the handler produces it.
///
/// Safe to call from any task; writes are sent in the order they are made.
public final class LambdaResponseStreamWriter: Sendable {
    private struct State {
        var started = false
        var finished = false
        var prelude: [UInt8]?
    }

    private let transport: any RuntimeAPITransport
    private let requestID: String
    private let state = Mutex(State())

    package init(transport: any RuntimeAPITransport, requestID: String) {
        self.transport = transport
        self.requestID = requestID
    }

    /// Sets the HTTP status, headers and cookies for an HTTP integration
    /// (API Gateway, function URL). Call before the first `write`.
    public func writeHTTPPrelude(statusCode: Int, headers: [String: String] = [:], cookies: [String] = []) throws {
        try state.withLock { state in
            guard !state.started, state.prelude == nil else {
                throw LambdaFunctionError(errorType: "Runtime.PreludeAfterBody", message: "the HTTP prelude must come first")
            }
            state.prelude = HTTPIntegrationPrelude.encode(statusCode: statusCode, headers: headers, cookies: cookies)
        }
    }

    /// Sends `bytes` to the caller now.
    public func write(_ bytes: [UInt8]) throws {
        try state.withLock { state throws(HTTPWireError) in
            guard !state.finished else { return }
            try start(&state)
            try transport.writeChunk(bytes)
        }
    }

    public func write(_ data: Data) throws { try write([UInt8](data)) }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Whether anything has gone to the Runtime API, after which errors travel in trailers.
    package var hasStarted: Bool { state.withLock { $0.started } }

    /// Ends the stream; `error` is reported in trailers.
    package func finish(error: LambdaFunctionError? = nil) throws(HTTPWireError) -> RuntimeAPIResponse? {
        try state.withLock { state throws(HTTPWireError) -> RuntimeAPIResponse? in
            guard !state.finished else { return nil }
            try start(&state)
            state.finished = true
            return try transport.endStream(trailers: error.map(RuntimeAPIRequest.errorTrailers) ?? [:])
        }
    }

    private func start(_ state: inout State) throws(HTTPWireError) {
        guard !state.started else { return }
        state.started = true
        try transport.beginStream(.streamingResponse(requestID: requestID, httpIntegration: state.prelude != nil))
        if let prelude = state.prelude { try transport.writeChunk(prelude) }
    }
}
