/// Why a bearer token was not accepted. Messages name the check that failed,
/// never the token or a claim value.
///
/// Most cases are the caller's fault (answer 401); ``isServerError`` marks
/// the ones that are the platform's (answer 500, alarm).
public enum EntraAuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bearer token, not three base64url JWS segments, larger than 16 KB, or not JSON.
    case malformedToken
    /// The header names an algorithm other than RS256, or marks extensions critical.
    case unsupportedAlgorithm
    /// No published key has the token's `kid` (after the allowed refetch).
    case unknownKey
    /// The signature does not verify.
    case badSignature
    case expired
    case notYetValid
    case wrongIssuer
    case wrongAudience
    /// Required claims are absent; the value names them (`tenantid`, `exp, appid`).
    case missingClaim(String)
    /// A claim has the wrong type or an unacceptable value; the value is the claim's name.
    case invalidClaim(String)
    /// A valid token, but not an access token for this API (an ID token, say): ADR 0029.
    case notAnAccessToken
    /// The key set could not be fetched and none is cached.
    case keySetUnavailable
    /// A required environment variable is absent or invalid; the value is its name.
    case configuration(String)

    /// True when the failure is the platform's, not the caller's.
    public var isServerError: Bool {
        switch self {
        case .keySetUnavailable, .configuration: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .malformedToken: "bearer token is missing or malformed"
        case .unsupportedAlgorithm: "token algorithm or critical header is not accepted (RS256 only)"
        case .unknownKey: "token is signed with an unknown key"
        case .badSignature: "token signature does not verify"
        case .expired: "token has expired"
        case .notYetValid: "token is not yet valid"
        case .wrongIssuer: "token issuer is not accepted"
        case .wrongAudience: "token audience is not accepted"
        case .missingClaim(let name): "token lacks the required claim \(name)"
        case .invalidClaim(let name): "token claim \(name) has the wrong type or value"
        case .notAnAccessToken: "token is not an access token"
        case .keySetUnavailable: "signing key set is unavailable"
        case .configuration(let name): "environment variable \(name) is not set or invalid"
        }
    }
}
