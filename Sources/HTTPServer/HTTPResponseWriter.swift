import HTTPWire

/// Writes one response, either whole (`respond`) or streamed in chunks with trailers.
package final class HTTPResponseWriter {
    package enum State: Equatable { case idle, streaming, finished }

    private let socket: TCPSocket
    private let keepAlive: Bool
    private let isHead: Bool
    package private(set) var state = State.idle
    /// Set when the connection must close after this response.
    package private(set) var closeAfterResponse = false
    /// Set when the handler left the response to another thread.
    private(set) var deferred: DeferredResponse?

    init(socket: TCPSocket, keepAlive: Bool, isHead: Bool) {
        self.socket = socket
        self.keepAlive = keepAlive
        self.isHead = isHead
        closeAfterResponse = !keepAlive
    }

    /// Sends a complete response with `Content-Length`, in one `send`.
    package func respond(status: Int, headers: HTTPFields = [:], body: [UInt8] = []) throws(HTTPWireError) {
        precondition(state == .idle, "response already started")
        state = .finished
        var fields = headers
        fields.set("Content-Length", String(body.count))
        if !keepAlive { fields.set("Connection", "close") }
        try socket.send(HTTPSerializer.response(HTTPResponseHead(status: status, fields: fields), body: isHead ? [] : body))
    }

    /// Sends a JSON body (already serialised).
    package func respond(status: Int, json: String, headers: HTTPFields = [:]) throws(HTTPWireError) {
        var fields = headers
        fields.set("Content-Type", "application/json")
        try respond(status: status, headers: fields, body: Array(json.utf8))
    }

    /// Starts a chunked response; announce trailers with a `Trailer` header.
    package func startStream(status: Int, headers: HTTPFields = [:]) throws(HTTPWireError) {
        precondition(state == .idle, "response already started")
        state = .streaming
        var fields = headers
        fields.remove("Content-Length")
        fields.set("Transfer-Encoding", "chunked")
        if !keepAlive { fields.set("Connection", "close") }
        try socket.send(HTTPSerializer.response(HTTPResponseHead(status: status, fields: fields)))
    }

    package func writeChunk(_ bytes: [UInt8]) throws(HTTPWireError) {
        precondition(state == .streaming, "no stream started")
        guard !bytes.isEmpty else { return }
        try socket.send(ChunkedEncoding.chunk(bytes))
    }

    package func finishStream(trailers: HTTPFields = [:]) throws(HTTPWireError) {
        precondition(state == .streaming, "no stream started")
        state = .finished
        try socket.send(ChunkedEncoding.end(trailers: trailers))
    }

    /// Closes the connection after this response (e.g. after an unread body).
    package func closeConnection() { closeAfterResponse = true }

    /// Leaves the response to another thread: the handler returns, and from now
    /// on the writer is only used through the returned `DeferredResponse`.
    package func deferResponse() -> DeferredResponse {
        precondition(state == .idle && deferred == nil, "response already started")
        let response = DeferredResponse(writer: self, socket: socket)
        deferred = response
        return response
    }
}
