/// The signature algorithms this module implements (RFC 7518 section 3).
public enum JWTAlgorithm: String, Sendable, Codable {
    /// RSASSA-PKCS1-v1_5 with SHA-256: Entra ID and the local identity provider.
    case rs256 = "RS256"
    /// HMAC with SHA-256: the gateway interceptor's short-lived scoped tokens.
    case hs256 = "HS256"
}
