/// The BFF's two operations (docs/openapi.yaml, tag BFF).
enum BFFRoute: Equatable, Sendable {
    case tokenRefresh
    case sessionKeepalive

    /// Matches the API Gateway resource (or, failing that, the path) and method.
    init?(method: String, resource: String, path: String) {
        guard method.uppercased() == "POST" else { return nil }
        let target = resource.hasPrefix("/v1/") ? resource : path
        switch target {
        case "/v1/bff/token-refresh": self = .tokenRefresh
        case "/v1/bff/session-keepalive": self = .sessionKeepalive
        default: return nil
        }
    }
}
