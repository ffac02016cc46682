import HTTPServer
import Synchronization

/// A loopback stand-in for the AgentCore Runtime data plane (moto has no
/// InvokeAgentRuntime): records each request and answers as the echo agent answers a ping.
final class RecordingDataPlane: Sendable {
    struct Request: Sendable {
        var path: String
        var sessionID: String?
        var authorization: String?
        var body: String
    }

    private final class Log: Sendable {
        let requests = Mutex<[Request]>([])
    }

    private let server: HTTPServer
    private let log = Log()

    var url: String { "http://\(server.address)" }
    var requests: [Request] { log.requests.withLock { $0 } }

    init() throws {
        let log = log
        server = try HTTPServer { request, writer in
            let body = (try? request.body.readAll(limit: 1 << 20)) ?? []
            let session = request.headers["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"]
            log.requests.withLock {
                $0.append(Request(path: request.path, sessionID: session, authorization: request.headers["Authorization"],
                                  body: String(decoding: body, as: UTF8.self)))
            }
            try? writer.respond(status: 200, json: #"{"status":"alive","sessionId":"\#(session ?? "")"}"#,
                                headers: ["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": session ?? ""])
        }
    }

    func stop() { server.stop() }
}
