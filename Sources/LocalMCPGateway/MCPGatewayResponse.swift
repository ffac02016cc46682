/// What the gateway answers one MCP POST with.
public struct MCPGatewayResponse: Sendable, Equatable {
    public var statusCode: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(statusCode: Int, headers: [(String, String)], body: [UInt8]) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: MCPGatewayResponse, rhs: MCPGatewayResponse) -> Bool {
        lhs.statusCode == rhs.statusCode && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
    }
}
