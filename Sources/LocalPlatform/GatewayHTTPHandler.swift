import HTTPServer
import HTTPWire
import LocalGateway

/// Serves the local API Gateway on the project's HTTP server: each request
/// is read whole (API Gateway buffers request bodies too) and answered on
/// its connection's thread.
enum GatewayHTTPHandler {
    static func handler(gateway: LocalAPIGateway, maxRequestBytes: Int) -> HTTPServer.Handler {
        { request, writer in
            let body: [UInt8]
            do {
                body = try request.body.readAll(limit: maxRequestBytes)
            } catch {
                writer.closeConnection()
                try? writer.respond(status: 413, json: #"{"message":"Request Too Long"}"#)
                return
            }
            let incoming = GatewayRequest(
                method: request.method, target: request.head.target,
                headers: request.headers.map { (name: $0.name, value: $0.value) }, body: body
            )
            gateway.handle(incoming, writer: ServerResponseWriter(writer: writer))
        }
    }
}

/// The gateway's writer seam over the server's response writer.
private final class ServerResponseWriter: GatewayResponseWriter {
    let writer: HTTPResponseWriter

    init(writer: HTTPResponseWriter) { self.writer = writer }

    func respond(status: Int, headers: [(String, String)], body: [UInt8]) throws {
        try writer.respond(status: status, headers: HTTPFields(headers), body: body)
    }

    func startStream(status: Int, headers: [(String, String)]) throws {
        try writer.startStream(status: status, headers: HTTPFields(headers))
    }

    func writeChunk(_ bytes: [UInt8]) throws { try writer.writeChunk(bytes) }

    func finishStream() throws { try writer.finishStream() }
}
