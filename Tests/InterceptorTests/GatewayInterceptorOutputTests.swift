import Testing
import LambdaEvents
import PlatformJSON

@Suite struct GatewayInterceptorOutputTests {
    @Test func writesAPassOutputWithTheBodyBytesUnchanged() throws {
        let event = #"{"mcp":{"gatewayRequest":{"headers":{"A":"1"},"body": { "id" : 1 , "n": 1.50 }}}}"#
        let input = try GatewayInterceptorInput(event: Array(event.utf8), parser: JSONParser())
        let output = GatewayInterceptorOutput(transformedRequest: .init(
            headers: input.request.headers, body: try #require(input.request.body)))
        #expect(String(decoding: output.serialized(), as: UTF8.self)
            == #"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayRequest":{"headers":{"A":"1"},"body":{ "id" : 1 , "n": 1.50 }}}}"#)
    }

    @Test func writesADenyOutputWithBothParts() throws {
        let output = GatewayInterceptorOutput(
            transformedRequest: .init(headers: GatewayHeaders(), body: GatewayBody(document: .object(JSONObject()))),
            transformedResponse: GatewayHTTPResponse(statusCode: 403, body: GatewayBody(document: ["id": 1])))
        let text = String(decoding: output.serialized(), as: UTF8.self)
        #expect(text == #"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayRequest":{"headers":{},"body":{}},"transformedGatewayResponse":{"statusCode":403,"body":{"id":1}}}}"#)
        // The output is itself valid JSON.
        #expect(try JSONParser().parse(output.serialized())["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 403)
    }

    @Test func writesAResponseOnlyOutputWithHeaders() {
        let output = GatewayInterceptorOutput(transformedResponse: GatewayHTTPResponse(
            statusCode: 200, headers: GatewayHeaders([("X", "y")]), body: GatewayBody(document: ["a": 1], form: .string)))
        #expect(String(decoding: output.serialized(), as: UTF8.self)
            == #"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayResponse":{"statusCode":200,"headers":{"X":"y"},"body":"{\"a\":1}"}}}"#)
    }

    @Test func writesAResponseWithoutBody() {
        let output = GatewayInterceptorOutput(transformedResponse: GatewayHTTPResponse(statusCode: 204))
        #expect(String(decoding: output.serialized(), as: UTF8.self)
            == #"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayResponse":{"statusCode":204}}}"#)
    }
}
