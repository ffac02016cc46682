import HTTPWire

/// Serves the requests of one connection in order until either side closes.
struct HTTPConnection {
    let socket: TCPSocket
    let limits: HTTPServerLimits
    let handler: HTTPServer.Handler

    func serve() {
        let reader = HTTPReader(source: socket)
        // A response another thread is still to send; requests read meanwhile wait for it.
        var outstanding: DeferredResponse?
        defer { outstanding?.cancel() }
        while true {
            let head: HTTPRequestHead
            let framing: HTTPBodyReader.Framing
            do throws(HTTPWireError) {
                guard let bytes = try reader.readHead(limit: limits.maxHeadBytes) else {
                    // A client that half-closed after its request still reads the response.
                    _ = outstanding?.waitUntilSent()
                    return
                }
                head = try HTTPHeadParser.parseRequest(bytes)
                framing = try HTTPBodyReader.framing(of: head.fields)
            } catch .headTooLarge {
                if outstanding?.waitUntilSent() == false { return }
                return reject(431, "request head too large")
            } catch .malformed(let reason) {
                if outstanding?.waitUntilSent() == false { return }
                return reject(400, reason)
            } catch {
                return
            }
            // Responses go out in request order.
            if let previous = outstanding {
                guard previous.waitUntilSent() else { return }
                outstanding = nil
            }
            let request = HTTPServerRequest(head: head, body: HTTPBodyReader(reader: reader, framing: framing))
            let writer = HTTPResponseWriter(socket: socket, keepAlive: head.keepAlive, isHead: head.method == "HEAD")
            handler(request, writer)
            if let deferred = writer.deferred {
                // Without keep-alive there is nothing to read ahead: the response ends the connection.
                guard head.keepAlive else {
                    _ = deferred.waitUntilSent()
                    return
                }
                outstanding = deferred
                do throws(HTTPWireError) {
                    try request.body.drain(limit: limits.maxDrainBytes)
                } catch { return }
                continue
            }
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
