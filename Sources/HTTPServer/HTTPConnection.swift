import HTTPWire

/// Serves the requests of one connection in order until either side closes.
struct HTTPConnection {
    let socket: TCPSocket
    let limits: HTTPServerLimits
    let handler: HTTPServer.Handler

    func serve() {
        let reader = HTTPReader(source: socket)
        while true {
            let head: HTTPRequestHead
            let framing: HTTPBodyReader.Framing
            do throws(HTTPWireError) {
                guard let bytes = try reader.readHead(limit: limits.maxHeadBytes) else { return }
                head = try HTTPHeadParser.parseRequest(bytes)
                framing = try HTTPBodyReader.framing(of: head.fields)
            } catch .headTooLarge {
                return reject(431, "request head too large")
            } catch .malformed(let reason) {
                return reject(400, reason)
            } catch {
                return
            }
            let request = HTTPServerRequest(head: head, body: HTTPBodyReader(reader: reader, framing: framing))
            let writer = HTTPResponseWriter(socket: socket, keepAlive: head.keepAlive, isHead: head.method == "HEAD")
            handler(request, writer)
            switch writer.state {
            case .idle:
                do throws(HTTPWireError) {
                    try writer.respond(status: 500, json: #"{"message":"no response"}"#)
                } catch { return }
            case .streaming:
                // The handler gave up mid-stream; the client sees a truncated body.
                return
            case .finished:
                break
            }
            if writer.closeAfterResponse { return }
            do throws(HTTPWireError) {
                try request.body.drain(limit: limits.maxDrainBytes)
            } catch { return }
        }
    }

    private func reject(_ status: Int, _ reason: String) {
        let writer = HTTPResponseWriter(socket: socket, keepAlive: false, isHead: false)
        try? writer.respond(status: status, json: "{\"message\":\"\(reason)\"}")
    }
}
