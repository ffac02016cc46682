import Dispatch
import HTTPServer
import HTTPWire
import LocalMCPGateway

/// Serves the local AgentCore Gateway's MCP endpoint (`POST /mcp`, JSON
/// answers; no server-initiated SSE stream, so `GET` is 405 as MCP allows).
enum MCPHTTPHandler {
    static let maxRequestBytes = 1 << 20

    static func handler(gateway: MCPGateway) -> HTTPServer.Handler {
        { request, writer in
            let path = request.head.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
            guard path == MCPGateway.path else {
                try? writer.respond(status: 404, json: #"{"message":"Not Found"}"#)
                return
            }
            guard request.method == "POST" else {
                try? writer.respond(status: 405, headers: HTTPFields([("Allow", "POST")]), body: [])
                return
            }
            let body: [UInt8]
            do {
                body = try request.body.readAll(limit: maxRequestBytes)
            } catch {
                writer.closeConnection()
                try? writer.respond(status: 413, json: #"{"message":"Request Too Long"}"#)
                return
            }
            let headers = request.headers.map { (name: $0.name, value: $0.value) }
            // The server thread waits for the gateway's async work (this is
            // a connection thread, not the cooperative pool).
            let done = DispatchSemaphore(value: 0)
            let box = ResponseBox()
            Task {
                box.response = await gateway.handle(headers: headers.map { ($0.name, $0.value) }, body: body)
                done.signal()
            }
            done.wait()
            guard let response = box.response else { return }
            try? writer.respond(status: response.statusCode, headers: HTTPFields(response.headers), body: response.body)
        }
    }
}

/// Hands the answer from the gateway's task to the waiting server thread
/// (the semaphore orders the write before the read).
private final class ResponseBox: @unchecked Sendable {
    var response: MCPGatewayResponse?
}
