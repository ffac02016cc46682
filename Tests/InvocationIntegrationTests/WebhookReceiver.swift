import Foundation
import HTTPServer
import HTTPWire
import Synchronization

/// A local webhook receiver that answers 500 to the first `failures` calls
/// (or to every call), and keeps what it received.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        var body: [UInt8]
        var signature: String?
        var eventID: String?
    }

    final class State: Sendable {
        struct Values {
            var failuresLeft: Int
            var calls = 0
            var deliveries: [Delivery] = []
        }
        let values: Mutex<Values>
        init(failures: Int) { values = Mutex(Values(failuresLeft: failures)) }
        func withLock<T>(_ body: (inout Values) -> T) -> T { values.withLock { body(&$0) } }
    }

    private let state: State
    private let server: HTTPServer

    /// `failures: nil` fails forever. `port` must be one of the stack's
    /// configured receivers (``PlatformStack/webhookReceiverPorts``), or no delivery is attempted.
    init(failures: Int?, port: Int) throws {
        let state = State(failures: failures ?? .max)
        self.state = state
        server = try HTTPServer(port: port) { request, writer in
            let body = (try? request.body.readAll(limit: 1 << 20)) ?? []
            let fail = state.withLock { state in
                state.calls += 1
                if state.failuresLeft > 0 {
                    state.failuresLeft -= 1
                    return true
                }
                state.deliveries.append(Delivery(body: body, signature: request.headers["X-Platform-Signature"],
                                                 eventID: request.headers["X-Platform-Event-Id"]))
                return false
            }
            try? writer.respond(status: fail ? 500 : 204)
        }
    }

    deinit { server.stop() }

    var url: String { "http://\(server.address)/hooks/platform" }
    var calls: Int { state.withLock { $0.calls } }
    var deliveries: [Delivery] { state.withLock { $0.deliveries } }
}
