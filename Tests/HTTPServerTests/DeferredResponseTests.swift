import PlatformTestSupport
import HTTPServer
import HTTPWire
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DeferredResponseTests {
    /// `/park` leaves its response in `parked`; `/now` answers at once.
    static func makeServer(_ parked: ConditionLock<[DeferredResponse]>) throws -> HTTPServer {
        var router = HTTPRouter()
        router.add("GET", "/park") { _, writer in
            let response = writer.deferResponse()
            parked.withLock { $0.append(response) }
            parked.broadcast()
        }
        router.add("GET", "/now") { _, writer in try? writer.respond(status: 200, json: #"{"now":true}"#) }
        return try HTTPServer(handler: router.handler)
    }

    static func waitForParked(_ parked: ConditionLock<[DeferredResponse]>) -> DeferredResponse {
        parked.wait { $0.isEmpty ? nil : $0.removeFirst() }!
    }

    @Test func anotherThreadAnswersAndPipelinedRequestsWaitTheirTurn() throws {
        let parked = ConditionLock<[DeferredResponse]>([])
        let server = try Self.makeServer(parked)
        defer { server.stop() }
        let client = try WireClient(port: server.port)
        try client.send("GET /park HTTP/1.1\r\nHost: t\r\n\r\nGET /now HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = Self.waitForParked(parked)
        #expect(response.respond { writer throws(HTTPWireError) in try writer.respond(status: 200, json: #"{"parked":true}"#) })
        #expect(!response.respond { writer throws(HTTPWireError) in try writer.respond(status: 500) })
        #expect(try client.readReply().text == #"{"parked":true}"#)
        #expect(try client.readReply().text == #"{"now":true}"#)
        // The connection stays usable for more parked requests.
        try client.send("GET /park HTTP/1.1\r\nHost: t\r\n\r\n")
        Self.waitForParked(parked).respond { writer throws(HTTPWireError) in try writer.respond(status: 204) }
        #expect(try client.readReply().head.status == 204)
    }

    @Test func closingResponseEndsTheConnection() throws {
        let parked = ConditionLock<[DeferredResponse]>([])
        let server = try Self.makeServer(parked)
        defer { server.stop() }
        let client = try WireClient(port: server.port)
        try client.send("GET /park HTTP/1.1\r\nHost: t\r\n\r\n")
        Self.waitForParked(parked).respond { writer throws(HTTPWireError) in
            writer.closeConnection()
            try writer.respond(status: 410)
        }
        let reply = try client.readReply()
        #expect(reply.head.status == 410)
        #expect(throws: HTTPWireError.self) { try client.request("GET", "/now") }
    }

    @Test func aClientThatHalfClosedOrAskedToCloseStillGetsTheResponse() throws {
        let parked = ConditionLock<[DeferredResponse]>([])
        let server = try Self.makeServer(parked)
        defer { server.stop() }
        for request in ["GET /park HTTP/1.1\r\nHost: t\r\n\r\n", "GET /park HTTP/1.1\r\nConnection: close\r\n\r\n"] {
            let client = try WireClient(port: server.port)
            try client.send(request)
            _ = Glibc.shutdown(client.socket.descriptor, Int32(SHUT_WR))
            let response = Self.waitForParked(parked)
            usleep(50_000)  // let the connection see the end of the request stream first
            #expect(response.respond { writer throws(HTTPWireError) in try writer.respond(status: 200, json: "{}") })
            #expect(try client.readReply().head.status == 200)
        }
    }

    @Test func aClientThatLeftCostsNothingButTheWrite() throws {
        let parked = ConditionLock<[DeferredResponse]>([])
        let server = try Self.makeServer(parked)
        defer { server.stop() }
        let client = try WireClient(port: server.port)
        try client.send("GET /park HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = Self.waitForParked(parked)
        client.socket.close()
        usleep(50_000)
        // The connection keeps its socket open until the response is settled, so the
        // late write reaches the departed peer's socket, never a reused descriptor.
        response.respond { writer throws(HTTPWireError) in try writer.respond(status: 200, json: "{}") }
        #expect(!response.respond { writer throws(HTTPWireError) in try writer.respond(status: 200) })
        #expect(try WireClient(port: server.port).request("GET", "/now").head.status == 200)
    }
}
