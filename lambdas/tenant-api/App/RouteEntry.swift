import LambdaEvents
import PlatformAPI

/// One route of the tenant API: method and resource template as in
/// docs/openapi.yaml, whether it needs a caller, and the audit operation name
/// when it is an admin action.
struct RouteEntry: Sendable {
    typealias Handler = @Sendable (APIGatewayProxyRequest, RequestContext) async throws -> APIGatewayProxyResponse

    let method: String
    let resource: String
    let authenticated: Bool
    /// Set for admin actions: every call writes an audit record with this operation.
    let audit: String?
    let handler: Handler

    init(_ method: String, _ resource: String, authenticated: Bool = true, audit: String? = nil, _ handler: @escaping Handler) {
        self.method = method
        self.resource = resource
        self.authenticated = authenticated
        self.audit = audit
        self.handler = handler
    }
}
