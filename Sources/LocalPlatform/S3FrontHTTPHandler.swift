import Dispatch
import HTTPServer
import HTTPWire
import Synchronization

/// Serves ``LocalS3Front`` on the project's HTTP server; each request is
/// answered on its connection's thread, which waits for the async relay.
enum S3FrontHTTPHandler {
    /// Largest body relayed (audit exports are small; S3's single PUT limit is far above).
    static let maxRequestBytes = 64 << 20

    static func handler(front: LocalS3Front) -> HTTPServer.Handler {
        { request, writer in
            guard let body = try? request.body.readAll(limit: maxRequestBytes) else {
                writer.closeConnection()
                try? writer.respond(status: 413)
                return
            }
            let answer = Mutex<LocalS3Front.Response?>(nil)
            let done = DispatchSemaphore(value: 0)
            let method = request.method, target = request.head.target
            let headers = request.headers.map { ($0.name, $0.value) }
            Task {
                let response = await front.handle(method: method, target: target, headers: headers, body: body)
                answer.withLock { $0 = response }
                done.signal()
            }
            done.wait()
            guard let response = answer.withLock({ $0 }) else { return }
            try? writer.respond(status: response.status, headers: HTTPFields(response.headers), body: response.body)
        }
    }
}
