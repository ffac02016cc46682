import HTTPWire
import Synchronization

/// The Runtime API over one keep-alive HTTP/1.1 connection with `TCP_NODELAY`:
/// one `send` per request, no timeout (the `next` call may wait for hours).
package final class SocketRuntimeAPITransport: RuntimeAPITransport {
    private struct Connection {
        let socket: TCPSocket
        let reader: HTTPReader
        /// A stream head waiting to go out with the first chunk.
        var pendingHead: [UInt8] = []
    }

    private let host: String
    private let port: Int
    private let hostHeader: String
    private let connection = Mutex<Connection?>(nil)
    /// The largest reply body accepted (an event is at most 6 MB; async 1 MB).
    private let bodyLimit = 16 * 1024 * 1024

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
        hostHeader = "\(host):\(port)"
    }

    /// Parses `AWS_LAMBDA_RUNTIME_API` (`host:port`).
    package convenience init?(address: String) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
              port > 0, port < 65_536 else { return nil }
        self.init(host: String(address[..<colon]), port: port)
    }

    package func exchange(_ request: RuntimeAPIRequest) throws(HTTPWireError) -> RuntimeAPIResponse {
        try withConnection { connection throws(HTTPWireError) in
            try connection.socket.send(request.serialized(host: hostHeader))
            return try readResponse(connection.reader)
        }
    }

    package func beginStream(_ head: RuntimeAPIRequest) throws(HTTPWireError) {
        try withConnection { connection throws(HTTPWireError) in
            connection.pendingHead = head.serialized(host: hostHeader)
        }
    }

    package func writeChunk(_ bytes: [UInt8]) throws(HTTPWireError) {
        guard !bytes.isEmpty else { return }
        try withConnection { connection throws(HTTPWireError) in
            try connection.socket.send(connection.pendingHead + ChunkedEncoding.chunk(bytes))
            connection.pendingHead = []
        }
    }

    package func endStream(trailers: HTTPFields) throws(HTTPWireError) -> RuntimeAPIResponse {
        try withConnection { connection throws(HTTPWireError) in
            try connection.socket.send(connection.pendingHead + ChunkedEncoding.end(trailers: trailers))
            connection.pendingHead = []
            return try readResponse(connection.reader)
        }
    }

    /// Runs `body` on the open connection, connecting first if needed; any
    /// failure drops the connection so the next call starts afresh.
    private func withConnection<T: Sendable>(_ body: (inout Connection) throws(HTTPWireError) -> T) throws(HTTPWireError) -> T {
        try connection.withLock { (current: inout Connection?) throws(HTTPWireError) -> T in
            if current == nil {
                let socket = try TCPSocket.connect(host: host, port: port)
                current = Connection(socket: socket, reader: HTTPReader(source: socket))
            }
            do throws(HTTPWireError) {
                return try body(&current!)
            } catch {
                current = nil
                throw error
            }
        }
    }

    private func readResponse(_ reader: HTTPReader) throws(HTTPWireError) -> RuntimeAPIResponse {
        guard let headBytes = try reader.readHead(limit: 64 * 1024) else { throw .connectionClosed }
        let head = try HTTPHeadParser.parseResponse(headBytes)
        let framing: HTTPBodyReader.Framing
        if head.fields["Transfer-Encoding"]?.lowercased() == "chunked" {
            framing = .chunked
        } else if let length = head.fields["Content-Length"] {
            guard let count = Int(length), count >= 0 else { throw .malformed("invalid Content-Length") }
            framing = .length(count)
        } else {
            framing = .length(0)
        }
        let body = try HTTPBodyReader(reader: reader, framing: framing).readAll(limit: bodyLimit)
        return RuntimeAPIResponse(status: head.status, headers: head.fields, body: body)
    }
}
