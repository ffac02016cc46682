import FoundationEssentials
import LambdaEvents
import Synchronization
import Testing
@testable import LocalGateway

@Suite struct LocalAPIGatewayTests {
    static let routes = RouteTable(routes: [
        Route(method: "GET", path: "/v1/health", function: "tenant-api", auth: .none),
        Route(method: "GET", path: "/v1/tenants/{tenantId}", function: "tenant-api", auth: .tenant),
        Route(method: "POST", path: "/v1/tenants", function: "tenant-api", auth: .admin),
        Route(method: "POST", path: "/v1/agents/{agentName}/invoke", function: "bridge", auth: .tenant, streaming: true),
    ])
    static let echo = #"{"statusCode":201,"headers":{"Content-Type":"application/json","X-One":"a"},"multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"{\"ok\":true}"}"#

    let clock = TestClock()

    func gateway(_ invoker: FakeInvoker, ttl: TimeInterval = 300, plans: [String: UsagePlan] = UsagePlan.byTier) -> LocalAPIGateway {
        let clock = self.clock
        return LocalAPIGateway(
            routes: Self.routes, configuration: GatewayConfiguration(authoriserCacheTTL: ttl, usagePlans: plans),
            invoker: invoker, now: { clock.now }, makeRequestID: { "req-1" }
        )
    }

    func get(_ target: String, authorization: String? = "Bearer t1", method: String = "GET", body: String = "") -> GatewayRequest {
        var headers: [(name: String, value: String)] = [("Host", "localhost"), ("X-Multi", "1"), ("X-Multi", "2")]
        if let authorization { headers.append(("Authorization", authorization)) }
        return GatewayRequest(method: method, target: target, headers: headers, body: Array(body.utf8), sourceIP: "10.0.0.9")
    }

    @discardableResult
    func run(_ gateway: LocalAPIGateway, _ request: GatewayRequest) -> RecordingWriter {
        let writer = RecordingWriter()
        gateway.handle(request, writer: writer)
        return writer
    }

    @Test func unknownPathsAndMethodsAre403MissingAuthenticationToken() {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow())])
        let gateway = gateway(invoker)
        for request in [get("/v1/nope"), get("/v1/health", method: "DELETE")] {
            let writer = run(gateway, request)
            #expect(writer.status == 403)
            #expect(writer.text == #"{"message":"Missing Authentication Token"}"#)
            #expect(writer.header("x-amzn-ErrorType") == "AccessDeniedException")
        }
        #expect(invoker.count("authoriser") == 0)
    }

    @Test func healthSkipsTheAuthoriserAndFallsBackWhileTenantAPIIsNotHosted() throws {
        let hosted = FakeInvoker(["tenant-api": FakeInvoker.json(#"{"statusCode":200,"body":"up"}"#)])
        let writer = run(gateway(hosted), get("/v1/health", authorization: nil))
        #expect(writer.status == 200)
        #expect(writer.text == "up")
        #expect(try hosted.lastEvent("tenant-api", as: APIGatewayProxyRequest.self)?.requestContext.authorizer == nil)

        let fallback = run(gateway(FakeInvoker([:])), get("/v1/health", authorization: nil))
        #expect(fallback.status == 200)
        #expect(fallback.text.hasPrefix(#"{"status":"ok","version":"local","runtimeRegion":"local","timestamp":"2027-01-15T08:00:00.000Z"#))
    }

    @Test func missingAuthorizationIs401WithoutCallingTheAuthoriser() {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(Self.echo)])
        let writer = run(gateway(invoker), get("/v1/tenants/acme-basic", authorization: nil))
        #expect(writer.status == 401)
        #expect(writer.text == #"{"message":"Unauthorized"}"#)
        #expect(invoker.count("authoriser") == 0)
        #expect(invoker.count("tenant-api") == 0)
    }

    @Test func authoriserUnauthorizedIs401AndOtherFailuresAre500() {
        let unauthorized = FakeInvoker(["authoriser": FakeInvoker.failing("Unauthorized", message: "Unauthorized")])
        #expect(run(gateway(unauthorized), get("/v1/tenants/acme-basic")).status == 401)
        let crashed = FakeInvoker(["authoriser": FakeInvoker.failing("Runtime.ExitError", message: "exit 1")])
        let writer = run(gateway(crashed), get("/v1/tenants/acme-basic"))
        #expect(writer.status == 500)
        #expect(writer.text == #"{"message":"Internal server error"}"#)
        let garbage = FakeInvoker(["authoriser": FakeInvoker.json(#"{"policyDocument":1}"#)])
        #expect(run(gateway(garbage), get("/v1/tenants/acme-basic")).status == 500)
        #expect(run(gateway(FakeInvoker([:])), get("/v1/tenants/acme-basic")).status == 500)
    }

    @Test func allowedRequestsCarryTheAuthoriserContextAndMapTheProxyResponse() throws {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(Self.echo)])
        let writer = run(gateway(invoker), get("/v1/tenants/acme%2Dbasic?limit=5&tag=a&tag=b%20c"))
        #expect(writer.status == 201)
        #expect(writer.text == #"{"ok":true}"#)
        #expect(writer.headers.filter { $0.0 == "Set-Cookie" }.map(\.1) == ["a=1", "b=2"])
        #expect(writer.header("X-One") == "a")
        #expect(writer.header("x-amzn-RequestId") == "req-1")

        let authorizerEvent = try #require(try invoker.lastEvent("authoriser", as: APIGatewayAuthorizerRequest.self))
        #expect(authorizerEvent.type == "REQUEST")
        #expect(authorizerEvent.methodArn == "\(Policies.api)/GET/v1/tenants/acme%2Dbasic")
        #expect(authorizerEvent.header("authorization") == "Bearer t1")
        #expect(authorizerEvent.resource == "/v1/tenants/{tenantId}")

        let event = try #require(try invoker.lastEvent("tenant-api", as: APIGatewayProxyRequest.self))
        #expect(event.requestContext.authorizer == ["tenantId": "acme-basic", "tier": "basic", "roles": "[]", "principalId": "user-1"])
        #expect(event.pathParameters == ["tenantId": "acme-basic"])
        #expect(event.queryStringParameters == ["limit": "5", "tag": "b c"])
        #expect(event.multiValueQueryStringParameters?["tag"] == ["a", "b c"])
        #expect(event.headers?["X-Multi"] == "2")
        #expect(event.multiValueHeaders?["X-Multi"] == ["1", "2"])
        #expect(event.requestContext.identity.sourceIp == "10.0.0.9")
        #expect(event.requestContext.requestTimeEpoch == 1_800_000_000_000)
        #expect(event.resource == "/v1/tenants/{tenantId}")
    }

    @Test func binaryBodiesAreBase64Encoded() throws {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(Self.echo)])
        var request = get("/v1/tenants", method: "POST")
        request.body = [0xFF, 0x00, 0x41]
        run(gateway(invoker), request)
        let event = try #require(try invoker.lastEvent("tenant-api", as: APIGatewayProxyRequest.self))
        #expect(event.isBase64Encoded)
        #expect(event.bodyData == Data([0xFF, 0x00, 0x41]))
    }

    @Test func cachedPolicyIsReusedPerAuthorizationHeaderAndReevaluatedPerMethod() {
        let invoker = FakeInvoker([
            "authoriser": FakeInvoker.json(Policies.allow(denying: ["POST/v1/tenants"])), "tenant-api": FakeInvoker.json(Self.echo),
        ])
        let gateway = gateway(invoker)
        #expect(run(gateway, get("/v1/tenants/acme-basic")).status == 201)
        #expect(run(gateway, get("/v1/tenants/acme-basic")).status == 201)
        let denied = run(gateway, get("/v1/tenants", method: "POST"))
        #expect(denied.status == 403)
        #expect(denied.text == #"{"Message":"User is not authorized to access this resource with an explicit deny"}"#)
        #expect(invoker.count("authoriser") == 1)
        #expect(run(gateway, get("/v1/tenants/acme-basic", authorization: "Bearer t2")).status == 201)
        #expect(invoker.count("authoriser") == 2)
        clock.advance(301)
        #expect(run(gateway, get("/v1/tenants/acme-basic")).status == 201)
        #expect(invoker.count("authoriser") == 3)
    }

    @Test func usagePlanThrottlesPerKeyWithRetryAfterAndRequiresAKey() {
        let plans = ["basic": UsagePlan(ratePerSecond: 1, burst: 2, dailyQuota: nil)]
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(Self.echo)])
        let gateway = gateway(invoker, plans: plans)
        #expect(run(gateway, get("/v1/tenants/acme-basic")).status == 201)
        #expect(run(gateway, get("/v1/tenants/acme-basic")).status == 201)
        let throttled = run(gateway, get("/v1/tenants/acme-basic"))
        #expect(throttled.status == 429)
        #expect(throttled.header("Retry-After") == "1")
        #expect(throttled.text == #"{"message":"Too Many Requests"}"#)
        #expect(invoker.count("tenant-api") == 2)

        let keyless = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow(key: nil)), "tenant-api": FakeInvoker.json(Self.echo)])
        #expect(run(self.gateway(keyless), get("/v1/tenants/acme-basic")).status == 403)
        let unknownTier = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow(tier: "gold")), "tenant-api": FakeInvoker.json(Self.echo)])
        #expect(run(self.gateway(unknownTier), get("/v1/tenants/acme-basic")).status == 403)
    }

    @Test func integrationFailuresMapLikeAPIGateway() {
        let cases: [(FakeInvoker.Script, Int)] = [
            (FakeInvoker.failing("Runtime.ExitError", message: "boom"), 502),
            (FakeInvoker.failing("Sandbox.Timedout", message: "timed out"), 504),
            (FakeInvoker.json(#"{"body":"no status"}"#), 502),
            (FakeInvoker.json(#"{"statusCode":200,"body":"%%%","isBase64Encoded":true}"#), 502),
            (FakeInvoker.json(#"{"statusCode":99}"#), 502),
        ]
        for (script, status) in cases {
            let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": script])
            #expect(run(gateway(invoker), get("/v1/tenants/acme-basic")).status == status)
        }
        let bridgeless = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow())])
        #expect(run(gateway(bridgeless), get("/v1/tenants/acme-basic")).status == 502)
    }

    @Test func oversizedRequestsAre413() {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(Self.echo)])
        let gateway = LocalAPIGateway(routes: Self.routes, configuration: GatewayConfiguration(maxRequestBytes: 4), invoker: invoker)
        #expect(run(gateway, get("/v1/tenants", method: "POST", body: "12345")).status == 413)
        #expect(invoker.count("authoriser") == 0)
    }
}
