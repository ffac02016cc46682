import Testing
import LambdaEvents
import PlatformJSON

@Suite struct GatewayInterceptorInputTests {
    let parser = JSONParser()

    func input(_ text: String) throws(GatewayEventError) -> GatewayInterceptorInput {
        try GatewayInterceptorInput(event: Array(text.utf8), parser: parser)
    }

    @Test func readsARequestEventWithAnInlineBody() throws {
        let event = try input(#"""
            {"interceptorInputVersion":"1.0","mcp":{"gatewayRequest":{"path":"/mcp","httpMethod":"POST",
             "headers":{"Authorization":"Bearer t","Mcp-Session-Id":"s1"},
             "body": {"jsonrpc":"2.0", "id":1,"method":"tools/list"}}}}
            """#)
        #expect(event.inputVersion == "1.0")
        #expect(event.request.path == "/mcp")
        #expect(event.request.httpMethod == "POST")
        #expect(event.request.headers.single("authorization") == "Bearer t")
        let body = try #require(event.request.body)
        #expect(body.form == .inline)
        #expect(body.document["method"] == "tools/list")
        #expect(String(decoding: body.encoded, as: UTF8.self) == #"{"jsonrpc":"2.0", "id":1,"method":"tools/list"}"#)
        #expect(event.response == nil)
    }

    @Test func readsABodySentAsAJSONString() throws {
        let event = try input(#"{"mcp":{"gatewayRequest":{"body":"{\"id\":7,\"method\":\"ping\"}"}}}"#)
        let body = try #require(event.request.body)
        #expect(body.form == .string)
        #expect(body.document == ["id": 7, "method": "ping"])
        #expect(String(decoding: body.encoded, as: UTF8.self) == #""{\"id\":7,\"method\":\"ping\"}""#)
        #expect(event.inputVersion == nil)
        #expect(event.request.headers == GatewayHeaders())
    }

    @Test func readsAResponseEvent() throws {
        let event = try input(#"""
            {"mcp":{"gatewayRequest":{"body":{"id":1}},
             "gatewayResponse":{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":{"result":{}}}}}
            """#)
        let response = try #require(event.response)
        #expect(response.statusCode == 200)
        #expect(response.headers?.single("content-type") == "application/json")
        #expect(response.body?.document == ["result": .object(JSONObject())])
    }

    @Test(arguments: [
        (#"{}"#, GatewayEventError.invalidField("mcp")),
        (#"{"mcp":[]}"#, .invalidField("mcp")),
        (#"{"mcp":{}}"#, .invalidField("mcp.gatewayRequest")),
        (#"{"mcp":{"gatewayRequest":"x"}}"#, .invalidField("mcp.gatewayRequest")),
        (#"{"mcp":{"gatewayRequest":{"path":1}}}"#, .invalidField("mcp.gatewayRequest.path")),
        (#"{"mcp":{"gatewayRequest":{"httpMethod":true}}}"#, .invalidField("mcp.gatewayRequest.httpMethod")),
        (#"{"mcp":{"gatewayRequest":{"headers":{"a":1}}}}"#, .invalidField("mcp.gatewayRequest.headers")),
        (#"{"mcp":{"gatewayRequest":{"headers":"a"}}}"#, .invalidField("mcp.gatewayRequest.headers")),
        (#"{"mcp":{"gatewayRequest":{},"gatewayResponse":1}}"#, .invalidField("mcp.gatewayResponse")),
        (#"{"mcp":{"gatewayRequest":{},"gatewayResponse":{}}}"#, .invalidField("mcp.gatewayResponse.statusCode")),
        (#"{"mcp":{"gatewayRequest":{},"gatewayResponse":{"statusCode":2.5}}}"#,
         .invalidField("mcp.gatewayResponse.statusCode")),
        (#"{"mcp":{"gatewayRequest":{},"gatewayResponse":{"statusCode":99}}}"#,
         .invalidField("mcp.gatewayResponse.statusCode")),
        (#"{"mcp":{"gatewayRequest":{},"gatewayResponse":{"statusCode":200,"headers":[]}}}"#,
         .invalidField("mcp.gatewayResponse.headers")),
    ])
    func rejectsEventsMissingOrMistypingFields(text: String, expected: GatewayEventError) {
        #expect(throws: expected) { try input(text) }
    }

    @Test func rejectsNonJSONEventsAndBodies() {
        #expect(throws: GatewayEventError.eventNotJSON(JSONParseError(.unexpectedByte, at: 0))) { try input("hello") }
        #expect(throws: GatewayEventError.bodyNotJSON(JSONParseError(.unexpectedByte, at: 0))) {
            try input(#"{"mcp":{"gatewayRequest":{"body":"not json"}}}"#)
        }
    }

    @Test func appliesTheLimitsToAStringBodyToo() {
        let tight = JSONParser(limits: .init(maxBytes: 1000, maxDepth: 3))
        let event = #"{"mcp":{"gatewayRequest":{"body":"[[[[1]]]]"}}}"#
        #expect(throws: GatewayEventError.self) { try GatewayInterceptorInput(event: Array(event.utf8), parser: tight) }
    }

    @Test func treatsNullOptionalFieldsAsAbsent() throws {
        let event = try input(#"{"mcp":{"gatewayRequest":{"path":null,"headers":null,"body":null},"gatewayResponse":null}}"#)
        #expect(event.request == GatewayHTTPRequest())
        #expect(event.response == nil)
    }

    @Test func errorDescriptionsNameFieldsOnly() {
        #expect(GatewayEventError.invalidField("mcp").description == "interceptor event field mcp is missing or invalid")
        #expect(GatewayEventError.bodyNotJSON(JSONParseError(.unexpectedEnd, at: 3)).description
            == "gateway body is not acceptable JSON (document ends early)")
        #expect(GatewayEventError.eventNotJSON(JSONParseError(.tooLarge, at: 3)).description
            == "interceptor event is not acceptable JSON (document exceeds the size limit)")
    }
}
