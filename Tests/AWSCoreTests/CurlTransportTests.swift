import Foundation
import Synchronization
import Testing
@testable import AWSCore

@Suite struct CurlTransportTests {
    static let ok = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Thing:  spaced value \r\nContent-Length: 5\r\n\r\nhello"

    @Test func sendsTheRequestAsGivenAndReadsTheResponse() async throws {
        let server = try LoopbackServer { _ in .raw(Self.ok) }
        defer { server.stop() }
        let request = HTTPRequest(method: "PUT", scheme: "http", authority: "127.0.0.1:\(server.port)",
                                  path: "/a%20b", query: "x=1", headers: HTTPHeaders([("X-Custom", "v")]),
                                  body: Data("payload".utf8))
        let response = try await CurlTransport().send(request)
        #expect(response.status == 200)
        #expect(response.headers["x-thing"] == "spaced value")
        #expect(response.body == Data("hello".utf8))
        let received = try #require(server.requests.first)
        #expect(received.method == "PUT")
        #expect(received.target == "/a%20b?x=1")
        #expect(received.header("X-Custom") == "v")
        #expect(received.header("Expect") == nil)
        #expect(received.header("Content-Type") == nil)
        #expect(received.body == Data("payload".utf8))
    }

    @Test func reusesTheConnectionForTheNextRequest() async throws {
        let server = try LoopbackServer { _ in .raw(Self.ok) }
        defer { server.stop() }
        let transport = CurlTransport()
        for _ in 0..<3 {
            _ = try await transport.send(try #require(HTTPRequest(method: "GET", url: server.url + "/")))
        }
        #expect(server.requests.count == 3)
        #expect(server.connectionCount == 1)
        #expect(transport.idleHandleCount == 1)
    }

    @Test func sendsEmptyBodiesForDeleteAndPost() async throws {
        let server = try LoopbackServer { _ in .raw("HTTP/1.1 204 No Content\r\n\r\n") }
        defer { server.stop() }
        let transport = CurlTransport()
        for method in ["DELETE", "POST", "HEAD"] {
            let response = try await transport.send(try #require(HTTPRequest(method: method, url: server.url + "/x")))
            #expect(response.status == 204)
        }
        #expect(server.requests.map(\.method) == ["DELETE", "POST", "HEAD"])
    }

    /// A signed GET whose body is part of the signature (the local data plane's control-plane
    /// lookups against moto) must reach the server with that body.
    @Test func sendsTheBodyOfAGetThatHasOne() async throws {
        let server = try LoopbackServer { _ in .raw(Self.ok) }
        defer { server.stop() }
        var request = try #require(HTTPRequest(method: "GET", url: server.url + "/runtimes/a1/"))
        request.body = Data("{}".utf8)
        _ = try await CurlTransport().send(request)
        _ = try await CurlTransport().send(try #require(HTTPRequest(method: "GET", url: server.url + "/plain")))
        #expect(server.requests.map(\.method) == ["GET", "GET"])
        #expect(server.requests.first?.body == Data("{}".utf8))
        #expect(server.requests.first?.header("Content-Length") == "2")
        #expect(server.requests.last?.body.isEmpty == true)
    }

    @Test func truncatedBodyIsATypedError() async throws {
        let server = try LoopbackServer { _ in .rawThenClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort") }
        defer { server.stop() }
        await #expect(throws: TransportError.truncatedBody(host: "127.0.0.1")) {
            try await CurlTransport().send(try #require(HTTPRequest(method: "GET", url: server.url + "/")))
        }
    }

    @Test func unresolvableHostIsADNSFailure() async throws {
        let request = try #require(HTTPRequest(method: "GET", url: "http://nonexistent.invalid/x?X-Amz-Signature=s3cr3t"))
        let error = await #expect(throws: TransportError.self) { try await CurlTransport().send(request) }
        #expect(error == .dnsFailure(host: "nonexistent.invalid"))
        #expect(error?.description.contains("s3cr3t") == false)
        #expect(error?.description.contains("nonexistent.invalid") == true)
    }

    @Test func closedPortIsConnectionRefused() async throws {
        let port = LoopbackServer.closedPort()
        let request = try #require(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
        let error = await #expect(throws: TransportError.self) { try await CurlTransport().send(request) }
        #expect(error == .connectionRefused(host: "127.0.0.1"))
        #expect(error?.isConnectFailure == true)
    }

    @Test func silentServerTimesOut() async throws {
        let server = try LoopbackServer { _ in .hang }
        defer { server.stop() }
        let transport = CurlTransport(configuration: .init(timeout: .milliseconds(300)))
        let started = ContinuousClock.now
        let error = await #expect(throws: TransportError.self) {
            try await transport.send(try #require(HTTPRequest(method: "GET", url: server.url + "/")))
        }
        #expect(error == .timedOut(host: "127.0.0.1", connected: true, seconds: 0.3))
        #expect(error?.isConnectFailure == false)
        // The configured 0.3 s ended it, not the 60 s default: a bound far from both,
        // so a loaded machine running the suite in parallel cannot fail it.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func oversizedBodyIsRefused() async throws {
        let server = try LoopbackServer { _ in .raw(Self.ok) }
        defer { server.stop() }
        let transport = CurlTransport(configuration: .init(maxBodyBytes: 4))
        await #expect(throws: TransportError.bodyTooLarge(host: "127.0.0.1", limit: 4)) {
            try await transport.send(try #require(HTTPRequest(method: "GET", url: server.url + "/")))
        }
    }

    @Test func headerInjectionIsRefusedBeforeSending() async throws {
        let request = HTTPRequest(method: "GET", scheme: "http", authority: "127.0.0.1:1",
                                  headers: HTTPHeaders([("X-Evil", "a\r\nHost: other")]))
        await #expect(throws: TransportError.self) { try await CurlTransport().send(request) }
    }

    @Test func streamsChunksAsTheyArrive() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        let server = try LoopbackServer { _ in
            .parts([head + "6\r\ndata: \r\n", "3\r\none\r\n", "3\r\ntwo\r\n0\r\n\r\n"], pause: .milliseconds(50))
        }
        defer { server.stop() }
        let chunks = Mutex<[Data]>([])
        let status = Mutex<Int>(0)
        let response = try await CurlTransport().stream(
            try #require(HTTPRequest(method: "POST", url: server.url + "/stream", body: Data("{}".utf8))),
            onHead: { head in status.withLock { $0 = head.status } },
            onChunk: { chunk in chunks.withLock { $0.append(chunk) } }
        )
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/event-stream")
        #expect(status.withLock { $0 } == 200)
        let received = chunks.withLock { $0 }
        #expect(received.count >= 2)
        #expect(String(decoding: received.reduce(Data(), +), as: UTF8.self) == "data: onetwo")
    }

    @Test func aFailingChunkHandlerStopsTheStream() async throws {
        struct Stop: Error, Equatable {}
        let server = try LoopbackServer { _ in .raw(Self.ok) }
        defer { server.stop() }
        await #expect(throws: Stop()) {
            try await CurlTransport().stream(try #require(HTTPRequest(method: "GET", url: server.url + "/")),
                                             onHead: { _ in }, onChunk: { _ in throw Stop() })
        }
    }

    @Test func cancellingTheTaskStopsTheTransfer() async throws {
        let server = try LoopbackServer { _ in .hang }
        defer { server.stop() }
        let request = try #require(HTTPRequest(method: "GET", url: server.url + "/"))
        // The server never answers and the transfer's own timeout is far away, so only
        // cancellation can end it: a CancellationError (not TransportError.timedOut) proves
        // the transfer was stopped. No wall-clock bound: it would only measure machine load.
        let transport = CurlTransport(configuration: .init(timeout: .seconds(600)))
        let task = Task { try await transport.send(request) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
