import DataAccess
import FoundationEssentials
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
    /// The tenant an audited action targets: the path's `{tenantId}` unless the route says otherwise.
    let auditTarget: @Sendable (APIGatewayProxyRequest) -> TenantID?
    let handler: Handler

    init(_ method: String, _ resource: String, authenticated: Bool = true, audit: String? = nil,
         auditTarget: @escaping @Sendable (APIGatewayProxyRequest) -> TenantID? = RouteEntry.pathTenant,
         _ handler: @escaping Handler) {
        self.method = method
        self.resource = resource
        self.authenticated = authenticated
        self.audit = audit
        self.auditTarget = auditTarget
        self.handler = handler
    }

    @Sendable static func pathTenant(_ request: APIGatewayProxyRequest) -> TenantID? {
        request.pathParameters?["tenantId"].flatMap { try? TenantID(validating: $0) }
    }

    /// The `tenantId` of a JSON body (tenant creation), when it is a valid id.
    @Sendable static func bodyTenant(_ request: APIGatewayProxyRequest) -> TenantID? {
        struct Body: Decodable { var tenantId: String? }
        guard let data = request.bodyData, let body = try? JSONDecoder().decode(Body.self, from: data) else { return nil }
        return body.tenantId.flatMap { try? TenantID(validating: $0) }
    }
}
