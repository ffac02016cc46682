import FoundationEssentials
import Testing
@testable import LocalGateway

/// The gateway's CORS: preflight answered for the console's origin only, and its
/// own error responses readable by the console.
@Suite struct CORSPolicyTests {
    static let console = "http://127.0.0.1:4100"
    let clock = TestClock()

    func gateway(origin: String?, invoker: FakeInvoker = FakeInvoker([:])) -> LocalAPIGateway {
        let clock = self.clock
        return LocalAPIGateway(
            routes: LocalAPIGatewayTests.routes,
            configuration: GatewayConfiguration(cors: CORSPolicy(allowedOrigin: origin)),
            invoker: invoker, now: { clock.now }, makeRequestID: { "req-1" }
        )
    }

    func preflight(_ path: String, origin: String?, method: String? = "POST") -> GatewayRequest {
        var headers: [(name: String, value: String)] = [("Host", "localhost")]
        if let origin { headers.append(("Origin", origin)) }
        if let method { headers.append(("Access-Control-Request-Method", method)) }
        headers.append(("Access-Control-Request-Headers", "authorization, content-type"))
        return GatewayRequest(method: "OPTIONS", target: path, headers: headers, body: [])
    }

    func run(_ gateway: LocalAPIGateway, _ request: GatewayRequest) -> RecordingWriter {
        let writer = RecordingWriter()
        gateway.handle(request, writer: writer)
        return writer
    }

    @Test func preflightFromTheConsoleIsAnsweredWithoutTheAuthoriserOrAFunction() {
        let invoker = FakeInvoker([:])
        let writer = run(gateway(origin: Self.console, invoker: invoker), preflight("/v1/agents/echo-agent/invoke", origin: Self.console))
        #expect(writer.status == 204)
        #expect(writer.header("Access-Control-Allow-Origin") == Self.console)
        #expect(writer.header("Access-Control-Allow-Methods") == "POST, OPTIONS")
        #expect(writer.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
        #expect(writer.header("Access-Control-Max-Age") == "600")
        #expect(invoker.count("authoriser") == 0)
    }

    @Test func preflightFromAnyOtherOriginGetsNoAllowOrigin() {
        let gateway = gateway(origin: Self.console)
        for request in [preflight("/v1/tenants", origin: "http://127.0.0.1:4101"),
                        preflight("/v1/tenants", origin: "https://evil.example"),
                        preflight("/v1/tenants", origin: nil),
                        preflight("/v1/tenants", origin: "null")] {
            let writer = run(gateway, request)
            #expect(writer.status == 403)
            #expect(writer.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func preflightForAnUnknownPathOrMethodIsRefused() {
        let gateway = gateway(origin: Self.console)
        #expect(run(gateway, preflight("/v1/nope", origin: Self.console)).status == 403)
        #expect(run(gateway, preflight("/v1/health", origin: Self.console, method: "DELETE")).status == 403)
        #expect(run(gateway, preflight("/v1/health", origin: Self.console, method: nil)).status == 403)
        #expect(run(gateway, preflight("/v1/health", origin: Self.console, method: "GET")).status == 204)
    }

    @Test func withoutAConsoleOriginNothingIsAllowed() {
        let writer = run(gateway(origin: nil), preflight("/v1/tenants", origin: Self.console))
        #expect(writer.status == 403)
        #expect(writer.header("Access-Control-Allow-Origin") == nil)
        #expect(CORSPolicy(allowedOrigin: "").allowedOrigin == nil)
    }

    @Test func gatewayResponsesCarryTheConsolesAllowOrigin() {
        let request = GatewayRequest(method: "GET", target: "/v1/tenants/acme-basic", headers: [("Origin", Self.console)], body: [])
        let unauthorized = run(gateway(origin: Self.console), request)
        #expect(unauthorized.status == 401)
        #expect(unauthorized.header("Access-Control-Allow-Origin") == Self.console)
        #expect(unauthorized.header("Access-Control-Expose-Headers")?.contains("x-amzn-RequestId") == true)
        #expect(run(gateway(origin: nil), request).header("Access-Control-Allow-Origin") == nil)
        let health = run(gateway(origin: Self.console), GatewayRequest(method: "GET", target: "/v1/health", headers: [], body: []))
        #expect(health.status == 200)
        #expect(health.header("Access-Control-Allow-Origin") == Self.console)
    }

    @Test func routeTableListsAPathsMethods() {
        #expect(LocalAPIGatewayTests.routes.methods(forPath: "/v1/tenants/x") == ["GET"])
        #expect(LocalAPIGatewayTests.routes.methods(forPath: "/v1/none").isEmpty)
    }
}
