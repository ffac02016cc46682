import HTTPWire
import Synchronization

/// A small HTTP/1.1 server: one thread per connection, keep-alive, chunked
/// bodies both ways. A slow or streaming response only holds its own thread.
package final class HTTPServer: Sendable {
    package typealias Handler = @Sendable (HTTPServerRequest, HTTPResponseWriter) -> Void

    package let host: String
    package let port: Int
    private let listener: TCPSocket
    private let handler: Handler
    private let limits: HTTPServerLimits
    private let connections = Mutex<[Int32: TCPSocket]>([:])
    private let stopped = Atomic(false)

    /// Binds `host:port` (0 picks a free port) and starts accepting.
    package init(
        host: String = "127.0.0.1", port: Int = 0, limits: HTTPServerLimits = HTTPServerLimits(),
        handler: @escaping Handler
    ) throws(HTTPWireError) {
        let (listener, boundPort) = try TCPSocket.listen(host: host, port: port)
        self.host = host
        self.port = boundPort
        self.listener = listener
        self.handler = handler
        self.limits = limits
        DetachedThread.start { [self] in acceptLoop() }
    }

    /// `host:port`, as `AWS_LAMBDA_RUNTIME_API` wants it.
    package var address: String { "\(host):\(port)" }

    /// Stops accepting and closes every open connection.
    package func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        listener.shutdown()
        closeConnections()
    }

    /// Shuts down open connections (threads blocked on them see end of stream).
    package func closeConnections() {
        for socket in connections.withLock({ Array($0.values) }) { socket.shutdown() }
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .acquiring) {
            guard let socket = try? listener.accept() else { break }
            connections.withLock { $0[socket.descriptor] = socket }
            DetachedThread.start { [self] in
                HTTPConnection(socket: socket, limits: limits, handler: handler).serve()
                connections.withLock { _ = $0.removeValue(forKey: socket.descriptor) }
                socket.close()
            }
        }
        listener.close()
    }
}
