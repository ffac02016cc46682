import EntraAuth
import InterceptorKit
import LambdaEvents
import Testing
@testable import ResponseInterceptor
import PlatformJSON

@Suite struct ResponseInterceptorTests {
    let store = FakeToolStore.catalogue()
    let tenants = FakeTenantStore.catalogue()
    let ssm = FakeParameterSource()

    var interceptor: ResponseInterceptor {
        ResponseInterceptor(
            authenticate: FakeAuthenticator.standard.function,
            tenants: TenantStandingCache(store: tenants, now: ManualClock().function), entitlement: ToolEntitlement(store: store),
            patterns: PIIPatternCache(source: ssm, now: ManualClock().function), parser: JSONParser())
    }

    func event(method: String?, token: String? = "premium-token", responseBody: String) -> [UInt8] {
        let headers = token.map { #"{"Authorization":"Bearer \#($0)"}"# } ?? "{}"
        let request = method.map { #"{"jsonrpc":"2.0","id":7,"method":"\#($0)"}"# } ?? "null"
        return Array(#"""
            {"interceptorInputVersion":"1.0","mcp":{"gatewayRequest":{"path":"/mcp","httpMethod":"POST","headers":\#(headers),"body":\#(request)},"gatewayResponse":{"statusCode":200,"headers":{"Content-Type":"application/json","Content-Length":"999"},"body":\#(responseBody)}}}
            """#.utf8)
    }

    func body(of result: InterceptorResult) throws -> JSONValue {
        let output = try JSONParser().parse(result.output)
        #expect(output["interceptorOutputVersion"] == "1.0")
        let response = try #require(output["mcp"]?["transformedGatewayResponse"])
        let body = try #require(response["body"])
        if case .string(let text) = body { return try JSONParser().parse(text) }
        return body
    }

    func toolNames(_ list: JSONValue?) -> [String] { list?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] }

    static let toolList = #"""
        {"jsonrpc":"2.0","id":7,"result":{"tools":[{"name":"crm-lookup","description":"CRM"},{"name":"report-builder"},{"name":"payments-refund","inputSchema":{}},{"name":"legacy-export"},{"name":"unregistered"},{"description":"nameless"}]},"tools":[{"name":"payments-refund"},{"name":"crm-lookup"}]}
        """#

    @Test(arguments: [
        ("basic-token", ["crm-lookup"]),
        ("tierless-token", ["crm-lookup"]),
        ("liar-token", ["crm-lookup"]),  // claims premium; its tenant's row says basic
        ("standard-token", ["crm-lookup", "report-builder"]),
        ("premium-token", ["crm-lookup", "report-builder", "payments-refund"]),
    ])
    func filtersToolsListByTier(token: String, expected: [String]) async throws {
        let result = await interceptor.handle(event(method: "tools/list", token: token, responseBody: Self.toolList))
        let body = try body(of: result)
        #expect(toolNames(body["result"]?["tools"]) == expected)
        #expect(toolNames(body["tools"]) == expected.filter { ["crm-lookup", "payments-refund"].contains($0) }.reversed())
        #expect(body["result"]?["tools"]?.arrayValue?.first?["description"] == "CRM", "tool entries are kept whole")
        #expect(result.outcome == "tools/list filtered (changed)")
    }

    @Test func aTenantOverrideHidesAGlobalTool() async throws {
        let result = await interceptor.handle(event(method: "tools/list", token: "acme-token", responseBody: Self.toolList))
        #expect(toolNames(try body(of: result)["result"]?["tools"]) == ["report-builder", "payments-refund"])
    }

    @Test func dropsTheStaleContentLengthOfAChangedBody() async throws {
        let result = await interceptor.handle(event(method: "tools/list", token: "basic-token", responseBody: Self.toolList))
        let response = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(response?["headers"] == ["Content-Type": "application/json"])
        #expect(response?["statusCode"] == 200)
    }

    @Test(arguments: [nil, "expired-token"])
    func refusesToolsListWithoutAValidToken(token: String?) async throws {
        let result = await interceptor.handle(event(method: "tools/list", token: token, responseBody: Self.toolList))
        let output = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(output?["statusCode"] == 401)
        #expect(output?["body"]?["error"]?["code"] == -32001)
        #expect(output?["body"]?["id"] == 7)
        #expect(result.outcome.hasPrefix("unauthenticated"))
    }

    @Test func failsClosedWhenTheToolsTableFails() async throws {
        store.fail()
        let result = await interceptor.handle(event(method: "tools/list", responseBody: Self.toolList))
        let output = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(output?["statusCode"] == 500)
        #expect(output?["body"]?["error"]?["code"] == -32603)
        #expect(!String(decoding: result.output, as: UTF8.self).contains("crm-lookup"))
    }

    @Test func redactsNestedPIIInToolsCallResults() async throws {
        let response = #"""
            {"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"Customer jane@example.com, NI AB123456C"}],"structuredContent":{"accounts":[{"sortCode":"12-34-56","number":"12345678"},{"nhs":"943 476 5919"}],"note":"ok"}}}
            """#
        let result = await interceptor.handle(event(method: "tools/call", responseBody: response))
        #expect(try body(of: result) == JSONParser().parse(#"""
            {"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"Customer [REDACTED], NI [REDACTED]"}],"structuredContent":{"accounts":[{"sortCode":"[REDACTED]","number":"[REDACTED]"},{"nhs":"[REDACTED]"}],"note":"ok"}}}
            """#))
        #expect(result.outcome == "tools/call redaction (changed)")
    }

    @Test func aStringBodyStaysAString() async throws {
        let response = #""{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"text\":\"mail a@b.com\"}}""#
        let result = await interceptor.handle(event(method: "tools/call", responseBody: response))
        let output = try JSONParser().parse(result.output)
        let body = try #require(output["mcp"]?["transformedGatewayResponse"]?["body"]?.stringValue)
        #expect(try JSONParser().parse(body)["result"]?["text"] == "mail [REDACTED]")
    }

    @Test(arguments: [
        #"{ "jsonrpc" : "2.0", "id" : 7, "result" : { "content" : [ { "type" : "text", "text" : "all clear \u00e9 \/" } ], "n" : 1.50 } }"#,
        #""{ \"jsonrpc\": \"2.0\", \"id\": 7, \"result\": {\"text\": \"nothing here\"} }""#,
    ])
    func returnsAPIIFreeBodyByteForByte(response: String) async throws {
        let result = await interceptor.handle(event(method: "tools/call", responseBody: response))
        let text = String(decoding: result.output, as: UTF8.self)
        #expect(text.contains(#""body":"# + response + "}"))
        #expect(result.outcome == "tools/call redaction")
        #expect(text.contains(#""Content-Length":"999""#), "an unchanged body keeps its headers")
    }

    @Test(arguments: ["initialize", "resources/read", "prompts/get", "resources/list", "completion/complete", "ping"])
    func redactsTheAnswerOfEveryMethodItServes(method: String) async throws {
        let response = #"{"jsonrpc":"2.0","id":7,"result":{"serverInfo":{"name":"x","ops@example.com":"ops@example.com","n":12345678}}}"#
        let result = await interceptor.handle(event(method: method, responseBody: response))
        #expect(try body(of: result) == [
            "jsonrpc": "2.0", "id": 7, "result": ["serverInfo": ["name": "x", "[REDACTED]": "[REDACTED]", "n": "[REDACTED]"]],
        ])
        #expect(result.outcome == "\(method) redaction (changed)")
    }

    @Test func theLogLineSaysWhichSSMPatternsAreNotInUse() async throws {
        ssm.answer(.success(#"["(a)\\1", "secret-[0-9]+"]"#))
        let response = #"{"jsonrpc":"2.0","id":7,"result":{"t":"secret-1"}}"#
        let result = await interceptor.handle(event(method: "tools/call", responseBody: response))
        #expect(try body(of: result)["result"]?["t"] == "[REDACTED]")
        #expect(result.outcome
            == "tools/call redaction [pii patterns: skipped entry 0 (back-references are not supported at offset 5)] (changed)")
    }

    @Test func redactsAToolsListAfterFilteringIt() async throws {
        let response = #"{"jsonrpc":"2.0","id":7,"result":{"tools":[{"name":"crm-lookup","description":"ask jane@example.com"}]}}"#
        let result = await interceptor.handle(event(method: "tools/list", token: "basic-token", responseBody: response))
        #expect(try body(of: result)["result"]?["tools"] == [["name": "crm-lookup", "description": "ask [REDACTED]"]])
    }

    @Test(arguments: ["admin/dump", "sampling/createMessage", "Tools/Call"])
    func refusesTheAnswerOfAMethodItDoesNotKnow(method: String) async throws {
        let response = #"{"jsonrpc":"2.0","id":7,"result":{"anything":"jane@example.com"}}"#
        let result = await interceptor.handle(event(method: method, responseBody: response))
        let output = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(output == [
            "statusCode": 400, "body": ["jsonrpc": "2.0", "id": 7, "error": ["code": -32601, "message": "Method not found"]],
        ])
        #expect(result.outcome == "unknown method")
    }

    @Test(arguments: ["suspended-token", "deleted-token", "ghost-token"])
    func refusesToolsListForATenantThatIsNotActive(token: String) async throws {
        let result = await interceptor.handle(event(method: "tools/list", token: token, responseBody: Self.toolList))
        let output = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(output?["statusCode"] == 403)
        #expect(output?["body"]?["error"]?["code"] == -32003)
        #expect(!String(decoding: result.output, as: UTF8.self).contains("crm-lookup"))
        #expect(store.reads == 0)
    }

    @Test func failsClosedWhenTheTenantsTableFails() async throws {
        tenants.fail()
        let result = await interceptor.handle(event(method: "tools/list", responseBody: Self.toolList))
        let output = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(output?["statusCode"] == 500)
        #expect(result.outcome == "internal: tenant lookup failed")
    }

    @Test func redactsWhenTheRequestCannotBeRead() async throws {
        let result = await interceptor.handle(event(method: nil, responseBody: #"{"result":{"t":"a@b.com"}}"#))
        #expect(try body(of: result)["result"]?["t"] == "[REDACTED]")
    }

    @Test func passesAResponseWithoutBody() async throws {
        let event = #"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"2.0","id":1,"method":"tools/call"}},"gatewayResponse":{"statusCode":204}}}"#
        let result = await interceptor.handle(Array(event.utf8))
        #expect(String(decoding: result.output, as: UTF8.self)
            == #"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayResponse":{"statusCode":204}}}"#)
    }

    @Test(arguments: [
        "not json at all",
        #"{"interceptorInputVersion":"1.0"}"#,
        #"{"mcp":{"gatewayRequest":{"body":{"jsonrpc":"2.0","id":3,"method":"tools/call"}}}}"#,
        #"{"mcp":{"gatewayRequest":{},"gatewayResponse":{"statusCode":200,"body":"not json"}}}"#,
    ])
    func answersBadInputWithAJSONRPCError(event: String) async throws {
        let result = await interceptor.handle(Array(event.utf8))
        let output = try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]
        #expect(output?["statusCode"] == 400)
        #expect(output?["body"]?["error"]?["code"] == -32600)
        #expect(output?["body"]?["jsonrpc"] == "2.0")
        #expect(result.outcome.hasPrefix("malformed"))
    }

    @Test func refusesAGiantPayload() async throws {
        let limited = ResponseInterceptor(
            authenticate: FakeAuthenticator.standard.function,
            tenants: TenantStandingCache(store: tenants, now: ManualClock().function), entitlement: ToolEntitlement(store: store),
            patterns: PIIPatternCache(source: ssm, now: ManualClock().function),
            parser: JSONParser(limits: .init(maxBytes: 1 << 20, maxDepth: 64)))
        let giant = #"{"result":{"t":""# + String(repeating: "x", count: 1 << 20) + #""}}"#
        let result = await limited.handle(event(method: "tools/call", responseBody: giant))
        #expect(try JSONParser().parse(result.output)["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 400)
        #expect(result.output.count < 1000)
    }
}
