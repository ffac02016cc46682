import FoundationEssentials
import LambdaEvents
import Testing
@testable import LocalGateway

/// How the gateway hands requests to the authoriser and applies its policies,
/// as API Gateway does (issue 11 items 3, 8 and 15).
@Suite struct LocalAPIGatewayAuthorisationTests {
    let clock = TestClock()

    func gateway(_ invoker: FakeInvoker) -> LocalAPIGateway {
        let clock = clock
        return LocalAPIGateway(routes: LocalAPIGatewayTests.routes, configuration: GatewayConfiguration(), invoker: invoker,
                               now: { clock.now }, makeRequestID: { "req-1" })
    }

    func run(_ gateway: LocalAPIGateway, _ method: String, _ target: String, headers: [(name: String, value: String)]) -> RecordingWriter {
        let writer = RecordingWriter()
        gateway.handle(GatewayRequest(method: method, target: target, headers: [("Host", "localhost")] + headers, body: []), writer: writer)
        return writer
    }

    static func policy(allowing resource: String) -> String {
        let response = APIGatewayAuthorizerResponse(
            principalId: "apikey/K", policyDocument: .init(statement: [.init(effect: .allow, resource: ["\(Policies.api)/\(resource)"])]),
            context: ["tenantId": "acme-basic", "tier": "basic", "roles": #"["Machine.Invoke"]"#], usageIdentifierKey: "K"
        )
        return String(decoding: try! JSONEncoder().encode(response), as: UTF8.self)
    }

    @Test(arguments: ["/v1//tenants", "/v1/tenants/", "//v1/tenants", "/v1///tenants//"])
    func theDenyMatchesTheNormalisedPath(path: String) throws {
        let invoker = FakeInvoker([
            "authoriser": FakeInvoker.json(Policies.allow(denying: ["POST/v1/tenants"])), "tenant-api": FakeInvoker.json(LocalAPIGatewayTests.echo),
        ])
        let gateway = gateway(invoker)
        // The route table routes these to POST /v1/tenants; the Deny must hold for them too.
        #expect(run(gateway, "POST", path, headers: [("Authorization", "Bearer t1")]).status == 403)
        #expect(invoker.count("tenant-api") == 0)
        let event = try #require(try invoker.lastEvent("authoriser", as: APIGatewayAuthorizerRequest.self))
        #expect(event.methodArn == "\(Policies.api)/POST/v1/tenants")
        #expect(event.path == path, "the path itself is handed over as sent")
    }

    @Test func headerNameCaseVariantsAreOneHeader() throws {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(LocalAPIGatewayTests.echo)])
        let gateway = gateway(invoker)
        let headers = [(name: "Authorization", value: "Bearer first"), (name: "authorization", value: "Bearer second"),
                       (name: "X-Tenant-Id", value: "a"), (name: "x-tenant-id", value: "b")]
        #expect(run(gateway, "GET", "/v1/tenants/acme-basic", headers: headers).status == 201)
        let authoriserEvent = try #require(try invoker.lastEvent("authoriser", as: APIGatewayAuthorizerRequest.self))
        for event in [authoriserEvent.headers, try invoker.lastEvent("tenant-api", as: APIGatewayProxyRequest.self)?.headers] {
            let names = (event ?? [:]).keys.map { $0.lowercased() }
            #expect(names.count == Set(names).count, "one entry per name, case-insensitively: \(names)")
            #expect(event?["Authorization"] == "Bearer second" && event?["X-Tenant-Id"] == "b")
        }
        #expect(authoriserEvent.multiValueHeaders?["Authorization"] == ["Bearer first", "Bearer second"])
        let integration = try #require(try invoker.lastEvent("tenant-api", as: APIGatewayProxyRequest.self))
        #expect(integration.multiValueHeaders?["X-Tenant-Id"] == ["a", "b"])
        // The identity the cache is keyed on is the value the authoriser saw.
        #expect(run(gateway, "GET", "/v1/tenants/acme-basic", headers: [("authorization", "Bearer second")]).status == 201)
        #expect(invoker.count("authoriser") == 1)
    }

    @Test func aCachedMethodAllowServesNoOtherRequest() {
        let invoker = FakeInvoker([
            "authoriser": FakeInvoker.json(Self.policy(allowing: "GET/v1/tenants/acme-basic")), "tenant-api": FakeInvoker.json(LocalAPIGatewayTests.echo),
        ])
        let gateway = gateway(invoker)
        let signature = [(name: "Authorization", value: "AWS4-HMAC-SHA256 Credential=K/20270115/eu-west-2/execute-api/aws4_request, SignedHeaders=host, Signature=00")]
        #expect(run(gateway, "GET", "/v1/tenants/acme-basic", headers: signature).status == 201)
        // Replayed to another route: the cached policy is evaluated against the new method ARN, as API Gateway does.
        #expect(run(gateway, "GET", "/v1/tenants/globex", headers: signature).status == 403)
        #expect(run(gateway, "POST", "/v1/tenants", headers: signature).status == 403)
        #expect(invoker.count("authoriser") == 1)
    }

    @Test func theAuthoriserSeesEveryValueOfARepeatedQueryName() throws {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "tenant-api": FakeInvoker.json(LocalAPIGatewayTests.echo)])
        _ = run(gateway(invoker), "GET", "/v1/tenants/acme-basic?k=2&k=1&q=a%2Bb%20c", headers: [("Authorization", "Bearer t1")])
        let event = try #require(try invoker.lastEvent("authoriser", as: APIGatewayAuthorizerRequest.self))
        #expect(event.multiValueQueryStringParameters == ["k": ["2", "1"], "q": ["a+b c"]])
        #expect(event.queryStringParameters == ["k": "1", "q": "a+b c"])
    }
}
