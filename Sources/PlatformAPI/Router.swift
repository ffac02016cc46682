import LambdaEvents

/// Dispatches proxy requests on API Gateway's `resource` template and method,
/// so handlers see one route each and unknown combinations are answered uniformly.
public struct Router<Context: Sendable>: Sendable {
    public typealias Handler = @Sendable (APIGatewayProxyRequest, Context) async throws -> APIGatewayProxyResponse

    private var handlers: [String: Handler] = [:]

    public init() {}

    /// Registers `handler` for `method` on `resource` (e.g. `/v1/tenants/{tenantId}`).
    public mutating func on(_ method: String, _ resource: String, _ handler: @escaping Handler) {
        handlers[Self.key(method, resource)] = handler
    }

    public func handler(for request: APIGatewayProxyRequest) -> Handler? {
        handlers[Self.key(request.httpMethod, request.resource)]
    }

    private static func key(_ method: String, _ resource: String) -> String {
        method.uppercased() + " " + resource
    }
}
