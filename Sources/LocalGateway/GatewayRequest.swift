/// One HTTP request as the local API Gateway receives it, before routing.
public struct GatewayRequest: Sendable {
    public var method: String
    /// The request target as sent: raw path and optional `?query`.
    public var target: String
    /// Header fields in the order received (names as sent).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var sourceIP: String

    public init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8], sourceIP: String = "127.0.0.1") {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.sourceIP = sourceIP
    }

    /// The path without the query string.
    public var path: String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark])
    }

    /// The path as API Gateway routes it and writes it in method ARNs: empty
    /// segments dropped (`/v1//tenants/` is `/v1/tenants`), by the route table's rule.
    public var normalizedPath: String {
        "/" + RouteTable.segments(of: path).joined(separator: "/")
    }

    /// The raw query string without `?`, or empty.
    public var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// The last value sent for `name` (case-insensitive), as API Gateway's single-value map keeps it.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.last { $0.name.lowercased() == wanted }?.value
    }
}
