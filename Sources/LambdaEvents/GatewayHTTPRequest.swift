/// `mcp.gatewayRequest`: the MCP request as the Gateway received it.
public struct GatewayHTTPRequest: Sendable, Equatable {
    public var path: String?
    public var httpMethod: String?
    /// Present only when the interceptor is configured with `passRequestHeaders`.
    public var headers: GatewayHeaders
    public var body: GatewayBody?

    public init(path: String? = nil, httpMethod: String? = nil, headers: GatewayHeaders = GatewayHeaders(),
                body: GatewayBody? = nil) {
        self.path = path
        self.httpMethod = httpMethod
        self.headers = headers
        self.body = body
    }
}
