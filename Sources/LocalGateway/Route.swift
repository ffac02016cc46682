/// One REST API route: which function serves it and how it is authorised.
///
/// Routes come from `infra/routes.json`, generated from the `x-platform-*`
/// extensions of `docs/openapi.yaml`, so the local gateway and the infra
/// read the same table.
public struct Route: Codable, Sendable, Equatable {
    public enum Auth: String, Codable, Sendable {
        /// No authoriser (health).
        case none
        /// Any authenticated tenant caller.
        case tenant
        /// Platform admins and operators only (the authoriser enforces it).
        case admin
    }

    public var method: String
    /// The resource path with `{name}` parameters, e.g. `/v1/tenants/{tenantId}`.
    public var path: String
    public var function: String
    public var auth: Auth
    public var streaming: Bool

    public init(method: String, path: String, function: String, auth: Auth, streaming: Bool = false) {
        self.method = method
        self.path = path
        self.function = function
        self.auth = auth
        self.streaming = streaming
    }
}
