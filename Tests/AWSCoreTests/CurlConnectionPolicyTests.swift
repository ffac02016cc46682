import Foundation
import Testing
@testable import AWSCore

/// A transfer under a `CurlConnectionPolicy` (webhook deliveries): pinned to
/// the checked address, only the allowed protocols, no redirects, no reuse.
@Suite struct CurlConnectionPolicyTests {
    @Test func connectsToThePinnedAddressWithoutALookup() async throws {
        let server = try LoopbackServer { _ in .raw(CurlTransportTests.ok) }
        defer { server.stop() }
        // `.invalid` never resolves (RFC 6761): reaching the server proves libcurl did no lookup of its own.
        let request = try #require(HTTPRequest(method: "POST", url: "http://hooks.invalid:\(server.port)/h", body: Data("{}".utf8)))
        let policy = CurlConnectionPolicy(host: "hooks.invalid", port: Int(server.port), address: "127.0.0.1", protocols: "http")
        let transport = CurlTransport()
        let response = try await transport.send(request, policy: policy)
        #expect(response.status == 200)
        #expect(server.requests.first?.header("Host") == "hooks.invalid:\(server.port)")
        #expect(transport.idleHandleCount == 0, "a pinned handle is never pooled")
        // Without the pin the same name does not resolve.
        await #expect(throws: TransportError.self) { try await transport.send(request) }
    }

    @Test func refusesAProtocolThePolicyDoesNotAllow() async throws {
        let server = try LoopbackServer { _ in .raw(CurlTransportTests.ok) }
        defer { server.stop() }
        let request = try #require(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(server.port)/h"))
        let policy = CurlConnectionPolicy(host: "127.0.0.1", port: Int(server.port), address: "127.0.0.1", protocols: "https")
        await #expect(throws: TransportError.self) { try await CurlTransport().send(request, policy: policy) }
        #expect(server.requests.isEmpty)
    }

    @Test func doesNotFollowRedirects() async throws {
        let server = try LoopbackServer { _ in
            .raw("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data/\r\nContent-Length: 0\r\n\r\n")
        }
        defer { server.stop() }
        let request = try #require(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(server.port)/h"))
        let policy = CurlConnectionPolicy(host: "127.0.0.1", port: Int(server.port), address: "127.0.0.1", protocols: "http")
        let response = try await CurlTransport().send(request, policy: policy)
        #expect(response.status == 302 && server.requests.count == 1)
    }

    @Test func formatsTheResolveEntry() {
        #expect(CurlConnectionPolicy(host: "hooks.example.com", port: 443, address: "93.184.215.14", protocols: "https").pinnedResolve
            == "hooks.example.com:443:93.184.215.14")
        #expect(CurlConnectionPolicy(host: "[::1]", port: 9001, address: "0:0:0:0:0:0:0:1", protocols: "http").pinnedResolve
            == "::1:9001:[0:0:0:0:0:0:0:1]")
    }
}
