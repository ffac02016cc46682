/// What an interceptor Lambda returns:
/// `{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayRequest":{headers, body},
/// "transformedGatewayResponse":{statusCode, headers?, body}}}`.
///
/// When `transformedGatewayResponse` is present the Gateway answers with it and
/// does not call the target.
public struct GatewayInterceptorOutput: Sendable, Equatable {
    public struct TransformedRequest: Sendable, Equatable {
        public var headers: GatewayHeaders
        public var body: GatewayBody

        public init(headers: GatewayHeaders, body: GatewayBody) {
            self.headers = headers
            self.body = body
        }
    }

    public var transformedRequest: TransformedRequest?
    public var transformedResponse: GatewayHTTPResponse?

    public init(transformedRequest: TransformedRequest? = nil, transformedResponse: GatewayHTTPResponse? = nil) {
        self.transformedRequest = transformedRequest
        self.transformedResponse = transformedResponse
    }

    /// The output document; bodies are written as the exact bytes they hold.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Array(#"{"interceptorOutputVersion":"1.0","mcp":{"#.utf8)
        if let request = transformedRequest {
            out.append(contentsOf: #""transformedGatewayRequest":{"headers":"#.utf8)
            request.headers.json.write(to: &out)
            out.append(contentsOf: #","body":"#.utf8)
            out.append(contentsOf: request.body.encoded)
            out.append(UInt8(ascii: "}"))
        }
        if let response = transformedResponse {
            if transformedRequest != nil { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #""transformedGatewayResponse":{"statusCode":"#.utf8)
            out.append(contentsOf: String(response.statusCode).utf8)
            if let headers = response.headers {
                out.append(contentsOf: #","headers":"#.utf8)
                headers.json.write(to: &out)
            }
            if let body = response.body {
                out.append(contentsOf: #","body":"#.utf8)
                out.append(contentsOf: body.encoded)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "}}".utf8)
        return out
    }
}
