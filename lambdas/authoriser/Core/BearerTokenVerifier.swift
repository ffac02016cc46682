/// Verifies a bearer token and returns its claims: the seam in front of the
/// Entra validator (JWKS over the network), a fake in unit tests.
public protocol BearerTokenVerifier: Sendable {
    func verify(bearer token: String) async throws(AuthorisationFailure) -> VerifiedToken
}

/// The claims of a verified token the authoriser uses.
public struct VerifiedToken: Sendable, Equatable {
    /// The `tenantid` claim, not yet checked to be a tenant id.
    public var tenantID: String
    public var appID: String
    public var subject: String?
    public var roles: [String]

    public init(tenantID: String, appID: String, subject: String?, roles: [String]) {
        self.tenantID = tenantID
        self.appID = appID
        self.subject = subject
        self.roles = roles
    }
}
