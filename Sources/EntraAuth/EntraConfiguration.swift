import FoundationEssentials

/// What an Entra v2 access token is checked against, and how keys are cached.
public struct EntraConfiguration: Sendable, Equatable {
    /// `ENTRA_ISSUER`, e.g. `https://login.microsoftonline.com/{tid}/v2.0`.
    public var issuer: String
    /// `ENTRA_AUDIENCE`.
    public var audience: String
    /// `ENTRA_JWKS_URL`.
    public var jwksURL: String
    /// Allowed clock skew for `exp` and `nbf`.
    public var leeway: Duration = .seconds(60)
    /// How long a fetched key set is used before it is refreshed.
    public var keySetLifetime: Duration = .seconds(300)
    /// Minimum time between two fetches (an unknown `kid` refetches at most this often).
    public var minimumRefetchInterval: Duration = .seconds(30)
    /// Largest key set document accepted.
    public var maxKeySetBytes = 64 * 1024

    public init(issuer: String, audience: String, jwksURL: String) {
        self.issuer = issuer
        self.audience = audience
        self.jwksURL = jwksURL
    }

    /// Reads `ENTRA_ISSUER`, `ENTRA_AUDIENCE` and `ENTRA_JWKS_URL`.
    public init(environment: [String: String]) throws(EntraAuthError) {
        func required(_ name: String) throws(EntraAuthError) -> String {
            guard let value = environment[name], !value.isEmpty else { throw .configuration(name) }
            return value
        }
        self.init(issuer: try required("ENTRA_ISSUER"), audience: try required("ENTRA_AUDIENCE"),
                  jwksURL: try required("ENTRA_JWKS_URL"))
    }
}
