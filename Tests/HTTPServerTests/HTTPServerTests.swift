import PlatformTestSupport
import HTTPServer
import HTTPWire
import Testing

@Suite struct HTTPServerTests {
    /// Echoes bodies, streams on /stream, blocks on /slow until told to go on.
    static func makeServer(gate: ConditionLock<Bool> = ConditionLock(false)) throws -> HTTPServer {
        var router = HTTPRouter()
        router.add("POST", "/echo/{word}") { request, writer in
            let body = (try? request.body.readAll(limit: 1024)) ?? Array("too large".utf8)
            try? writer.respond(status: 200, headers: ["X-Word": request.parameters["word"] ?? ""], body: body)
        }
        router.add("GET", "/stream") { _, writer in
            try? writer.startStream(status: 200, headers: ["Trailer": "X-Done"])
            for piece in ["one", "two"] { try? writer.writeChunk(Array(piece.utf8)) }
            try? writer.finishStream(trailers: ["X-Done": "yes"])
        }
        router.add("GET", "/slow") { _, writer in
            try? writer.startStream(status: 200)
            try? writer.writeChunk(Array("first".utf8))
            _ = gate.wait { $0 ? true : nil }
            try? writer.finishStream()
        }
        return try HTTPServer(handler: router.handler)
    }

    @Test func keepsConnectionsAliveAcrossRequests() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try WireClient(port: server.port)
        #expect(try client.request("POST", "/echo/a", body: "one").text == "one")
        let second = try client.request("POST", "/echo/b", body: "two")
        #expect(second.text == "two")
        #expect(second.head.fields["X-Word"] == "b")
    }

    @Test func readsChunkedRequestBodies() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try WireClient(port: server.port)
        try client.send("POST /echo/c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
        #expect(try client.readReply().text == "abcde")
    }

    @Test func streamsChunksAndTrailers() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let reply = try WireClient(port: server.port).request("GET", "/stream")
        #expect(reply.head.fields["Transfer-Encoding"] == "chunked")
        #expect(reply.text == "onetwo")
        #expect(reply.trailers["X-Done"] == "yes")
    }

    @Test func answersGarbageWith400AndKeepsServing() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let bad = try WireClient(port: server.port)
        try bad.send("\u{16}\u{3}\u{1} not http at all\r\n\r\n")
        #expect(try bad.readReply().head.status == 400)
        let conflicting = try WireClient(port: server.port)
        try conflicting.send("POST /echo/x HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(try conflicting.readReply().head.status == 400)
        let huge = try WireClient(port: server.port)
        try huge.send("GET / HTTP/1.1\r\nX: \(String(repeating: "a", count: 70_000))\r\n\r\n")
        #expect(try huge.readReply().head.status == 431)
        #expect(try WireClient(port: server.port).request("POST", "/echo/ok", body: "fine").text == "fine")
    }

    @Test func routesUnknownPathsTo404AndWrongMethodsTo405() throws {
        let server = try Self.makeServer()
        defer { server.stop() }
        let client = try WireClient(port: server.port)
        #expect(try client.request("GET", "/nothing").head.status == 404)
        let wrongMethod = try client.request("DELETE", "/echo/x")
        #expect(wrongMethod.head.status == 405)
        #expect(wrongMethod.head.fields["Allow"] == "POST")
    }

    @Test func aBlockedStreamDoesNotHoldUpOtherRequests() throws {
        let gate = ConditionLock(false)
        let server = try Self.makeServer(gate: gate)
        defer { server.stop() }
        let slow = try WireClient(port: server.port)
        try slow.send("GET /slow HTTP/1.1\r\n\r\n")
        let head = try slow.readHead()
        let body = try slow.body(for: head)
        #expect(try body.next() == Array("first".utf8))
        #expect(try WireClient(port: server.port).request("POST", "/echo/z", body: "meanwhile").text == "meanwhile")
        gate.withLock { $0 = true }
        gate.broadcast()
        #expect(try body.next() == nil)
    }
}
