import FoundationEssentials
import Testing
@testable import LocalGateway

@Suite struct RouteTableTests {
    let table = RouteTable(routes: [
        Route(method: "GET", path: "/v1/tenants", function: "tenant-api", auth: .tenant),
        Route(method: "GET", path: "/v1/tenants/{tenantId}", function: "tenant-api", auth: .tenant),
        Route(method: "GET", path: "/v1/tenants/{tenantId}/users/invites", function: "tenant-api", auth: .tenant),
        Route(method: "POST", path: "/v1/platform/tenants/{tenantId}/suspend", function: "tenant-api", auth: .admin),
        Route(method: "GET", path: "/v1/platform/quota", function: "tenant-api", auth: .admin),
        Route(method: "GET", path: "/v1/platform/{anything}", function: "other", auth: .admin),
        Route(method: "POST", path: "/v1/agents/{agentName}/invoke", function: "bridge", auth: .tenant, streaming: true),
    ])

    @Test func bindsDecodedPathParameters() throws {
        let match = try table.match(method: "post", path: "/v1/agents/echo%2Dagent/invoke").get()
        #expect(match.route.function == "bridge")
        #expect(match.route.streaming)
        #expect(match.pathParameters == ["agentName": "echo-agent"])
    }

    @Test func literalSegmentsBeatParameters() throws {
        #expect(try table.match(method: "GET", path: "/v1/platform/quota").get().route.function == "tenant-api")
        #expect(try table.match(method: "GET", path: "/v1/platform/other").get().route.function == "other")
    }

    @Test func distinguishesUnknownPathsFromWrongMethods() {
        #expect(table.match(method: "DELETE", path: "/v1/tenants") == .failure(.methodNotAllowed))
        #expect(table.match(method: "GET", path: "/v1/nope") == .failure(.unknownPath))
        #expect(table.match(method: "GET", path: "/v1/tenants/a/b") == .failure(.unknownPath))
    }

    @Test func rejectsMalformedPercentEncoding() {
        #expect(table.match(method: "GET", path: "/v1/tenants/%zz") == .failure(.unknownPath))
        #expect(table.match(method: "GET", path: "/v1/tenants/%ff") == .failure(.unknownPath))
    }

    @Test func decodesTheRouteDocument() throws {
        let json = #"{"routes":[{"method":"GET","path":"/v1/health","function":"tenant-api","auth":"none","streaming":false}]}"#
        let table = try RouteTable(json: Data(json.utf8))
        #expect(table.routes == [Route(method: "GET", path: "/v1/health", function: "tenant-api", auth: .none)])
        #expect(throws: DecodingError.self) {
            try RouteTable(json: Data(#"{"routes":[{"method":"GET","path":"/x","function":"f","auth":"root"}]}"#.utf8))
        }
    }
}
