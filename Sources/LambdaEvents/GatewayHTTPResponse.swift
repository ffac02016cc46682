/// `mcp.gatewayResponse` (RESPONSE interceptors) or `transformedGatewayResponse`
/// (an interceptor's answer): a status code, optional headers and a body.
public struct GatewayHTTPResponse: Sendable, Equatable {
    public var statusCode: Int
    public var headers: GatewayHeaders?
    public var body: GatewayBody?

    public init(statusCode: Int, headers: GatewayHeaders? = nil, body: GatewayBody? = nil) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
