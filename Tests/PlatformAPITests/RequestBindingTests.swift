import AWSCore
import FoundationEssentials
import LambdaEvents
import Testing
@testable import PlatformAPI

/// The integration-side half of ADR 0028: a machine caller's request must be
/// the one its signature covered, whatever the gateway's cache served.
@Suite struct RequestBindingTests {
    static let body = #"{"input":"hello"}"#
    static let amzDate = "20270115T080000Z"
    /// 2027-01-15T08:00:00Z, as API Gateway stamps the request.
    static let receivedAt: Int64 = 1_800_000_000_000

    static let machine: [String: String] = [
        "tenantId": "acme", "appId": "acme-app", "tier": "basic", "sub": "apikey/APKACME", "roles": #"["Machine.Invoke"]"#,
        "principalId": "apikey/APKACME",
    ]

    static func binding(query: String = "a=1&k=1&k=2", payloadHash: String = SHA256.hexDigest(of: Array(body.utf8))) -> RequestBinding {
        RequestBinding(method: "POST", path: "/v1/agents/echo-agent/invoke", query: query, amzDate: amzDate,
                       tenantID: "acme", payloadHash: payloadHash)
    }

    /// The request as the gateway hands it over, its context carrying `binding`.
    static func request(
        binding: RequestBinding? = binding(), body: String? = body, base64: Bool = false,
        query: [String: [String]]? = ["k": ["2", "1"], "a": ["1"]], headers: [String: String] = ["X-Amz-Date": amzDate, "x-tenant-id": "acme"],
        receivedAt: Int64? = receivedAt, context: [String: String] = machine
    ) -> APIGatewayProxyRequest {
        var authorizer = context
        if let binding { authorizer.merge(binding.context) { $1 } }
        let path = "/v1/agents/echo-agent/invoke"
        return APIGatewayProxyRequest(
            resource: "/v1/agents/{agentName}/invoke", path: path, httpMethod: "POST", headers: headers, multiValueHeaders: nil,
            queryStringParameters: query?.mapValues { $0.last ?? "" }, multiValueQueryStringParameters: query, pathParameters: nil,
            requestContext: .init(accountId: "123456789012", apiId: "api1", stage: "v1", requestId: "r1",
                                  resourcePath: "/v1/agents/{agentName}/invoke", path: path, httpMethod: "POST",
                                  requestTimeEpoch: receivedAt, identity: .init(), authorizer: authorizer),
            body: body, isBase64Encoded: base64
        )
    }

    static let refused = APIError(.unauthenticated, "The request does not match its signature.")

    @Test func theSignedRequestPasses() throws {
        let caller = try Caller(request: Self.request())
        #expect(caller.isMachine && caller.tenantID.rawValue == "acme")
        // Base64 bodies are compared as bytes.
        let base64 = Data(Self.body.utf8).base64EncodedString()
        _ = try Caller(request: Self.request(body: base64, base64: true))
        // At the edge of the skew either way.
        _ = try Caller(request: Self.request(receivedAt: Self.receivedAt + 300_000))
        _ = try Caller(request: Self.request(receivedAt: Self.receivedAt - 300_000))
    }

    @Test func aBodyOtherThanTheSignedOneIs401() {
        let cases: [APIGatewayProxyRequest] = [
            Self.request(body: #"{"input":"HELLO"}"#),
            Self.request(body: nil),
            Self.request(body: "%%%not base64", base64: true),
            Self.request(binding: Self.binding(payloadHash: RequestBinding.unsignedPayload)),
            Self.request(binding: Self.binding(payloadHash: SHA256.hexDigest(of: []))),
        ]
        for request in cases {
            #expect(throws: Self.refused) { try Caller(request: request) }
        }
    }

    @Test func unsignedPayloadIsOnlyForRequestsWithoutABody() throws {
        let unsigned = Self.binding(payloadHash: RequestBinding.unsignedPayload)
        _ = try Caller(request: Self.request(binding: unsigned, body: nil))
        _ = try Caller(request: Self.request(binding: unsigned, body: ""))
        _ = try Caller(request: Self.request(binding: Self.binding(payloadHash: SHA256.hexDigest(of: [])), body: nil))
    }

    @Test func anyOtherSignedValueIs401() {
        var otherMethod = Self.request()
        otherMethod.httpMethod = "PUT"
        var otherPath = Self.request()
        otherPath.requestContext.path = "/v1/agents/other/invoke"
        let cases: [APIGatewayProxyRequest] = [
            otherMethod, otherPath,
            Self.request(query: ["k": ["1"], "a": ["1"]]),
            Self.request(query: nil),
            Self.request(query: ["k": ["2", "1"], "a": ["1"], "b": [""]]),
            Self.request(headers: ["x-amz-date": "20270115T080001Z", "x-tenant-id": "acme"]),
            Self.request(headers: ["x-amz-date": Self.amzDate, "x-tenant-id": "globex"]),
            Self.request(headers: ["x-amz-date": Self.amzDate]),
            Self.request(headers: [:]),
        ]
        for request in cases {
            #expect(throws: Self.refused) { try Caller(request: request) }
        }
    }

    @Test func aCachedAllowCannotOutliveTheSignaturesDate() {
        for receivedAt in [Self.receivedAt + 300_001, Self.receivedAt - 300_001] {
            #expect(throws: Self.refused) { try Caller(request: Self.request(receivedAt: receivedAt)) }
        }
        #expect(throws: Self.refused) { try Caller(request: Self.request(receivedAt: nil)) }
        var badDate = Self.binding()
        badDate.amzDate = "yesterday"
        #expect(throws: Self.refused) {
            try Caller(request: Self.request(binding: badDate, headers: ["x-amz-date": "yesterday", "x-tenant-id": "acme"]))
        }
    }

    @Test func aMachineContextWithoutItsBindingIs401() {
        #expect(throws: Self.refused) { try Caller(request: Self.request(binding: nil)) }
        var partial = Self.machine
        partial["signedMethod"] = "POST"
        #expect(throws: Self.refused) { try Caller(request: Self.request(binding: nil, context: partial)) }
        // Binding members on a user context are checked too, never ignored.
        var user = Self.machine
        user["roles"] = "[]"
        user["signedPayloadHash"] = "x"
        #expect(throws: Self.refused) { try Caller(request: Self.request(binding: nil, context: user)) }
    }

    @Test func aBearerCallerNeedsNoBinding() throws {
        var user = Self.machine
        user["roles"] = #"["Reader"]"#
        let caller = try Caller(request: Self.request(binding: nil, headers: [:], receivedAt: nil, context: user))
        #expect(!caller.isMachine)
        #expect(throws: APIError(.unauthenticated, "The request carries no valid caller identity.")) {
            try Caller(request: Self.request(binding: nil, context: [:]))
        }
    }

    @Test func theContextRoundTripsAndTheQueryIsCanonical() {
        let binding = Self.binding()
        #expect(RequestBinding(context: binding.context) == binding)
        #expect(RequestBinding(context: nil) == nil)
        #expect(RequestBinding.canonicalQuery(["k": ["2", "1"], "a": ["1"]], single: ["k": "1", "a": "1"]) == "a=1&k=1&k=2")
        #expect(RequestBinding.canonicalQuery(nil, single: ["b": "x y", "a": "é+"]) == "a=%C3%A9%2B&b=x%20y")
        #expect(RequestBinding.canonicalQuery(nil, single: nil) == "")
    }
}
