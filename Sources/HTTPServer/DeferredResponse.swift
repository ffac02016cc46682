import HTTPWire

/// A response its handler left for another thread to send, such as the Lambda
/// host's `GET /next`, answered by whichever thread brings the next invocation.
///
/// The connection keeps reading meanwhile (so the client's next request wakes
/// it once), but dispatches nothing until this response went out. At the end
/// of the request stream it waits for the response (the client may only have
/// half-closed); on a broken connection it cancels it. Either way the socket
/// is closed only once no thread can write to it.
package final class DeferredResponse: Sendable {
    private enum Phase {
        case pending(HTTPResponseWriter)
        /// Sent; the connection stays open unless `keepAlive` is false.
        case sent(keepAlive: Bool)
        /// The connection ended first.
        case cancelled
    }

    private let phase: ConditionLock<Phase>
    private let socket: TCPSocket

    init(writer: HTTPResponseWriter, socket: TCPSocket) {
        phase = ConditionLock(.pending(writer))
        self.socket = socket
    }

    /// Runs `body` with the response's writer, once; false when the connection
    /// has ended or the response was already sent (nothing is written then).
    /// A body that leaves the writer idle gets the server's 500, as a handler would.
    @discardableResult
    package func respond(_ body: (HTTPResponseWriter) throws(HTTPWireError) -> Void) -> Bool {
        let sent = phase.withLock { phase -> Bool in
            guard case .pending(let writer) = phase else { return false }
            var failed = false
            do throws(HTTPWireError) {
                try body(writer)
                if writer.state == .idle { try writer.respond(status: 500, json: #"{"message":"no response"}"#) }
            } catch {
                failed = true
            }
            // A half-written or streaming-but-unfinished response leaves the connection unusable.
            let keepAlive = !failed && writer.state == .finished && !writer.closeAfterResponse
            phase = .sent(keepAlive: keepAlive)
            // The connection's thread is blocked reading: end of stream tells it to stop.
            // Under the lock, so the connection cannot have closed the descriptor yet.
            if !keepAlive { socket.shutdown() }
            return !failed
        }
        phase.broadcast()
        return sent
    }

    /// Waits until the response was sent; true when the connection may go on.
    func waitUntilSent() -> Bool {
        phase.wait { phase -> Bool? in
            switch phase {
            case .pending: nil
            case .sent(let keepAlive): keepAlive
            case .cancelled: false
            }
        }!
    }

    /// The connection broke: later `respond` calls write nothing.
    func cancel() {
        phase.withLock { phase in
            if case .pending = phase { phase = .cancelled }
        }
        phase.broadcast()
    }
}
