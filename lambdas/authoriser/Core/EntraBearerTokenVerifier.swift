import EntraAuth
import FoundationEssentials

/// The human path's seam implemented by the shared Entra validator (JWKS
/// cached 5 min, one refetch per 30 s on an unknown kid, RS256 pinned).
public struct EntraBearerTokenVerifier: BearerTokenVerifier {
    let validator: EntraTokenValidator
    let now: @Sendable () -> Date

    public init(validator: EntraTokenValidator, now: @escaping @Sendable () -> Date = { Date() }) {
        self.validator = validator
        self.now = now
    }

    public func verify(bearer token: String) async throws(AuthorisationFailure) -> VerifiedToken {
        do {
            let principal = try await validator.validate(token, now: now())
            return VerifiedToken(tenantID: principal.tenantId.rawValue, appID: principal.appId, subject: principal.sub, roles: principal.roles)
        } catch {
            throw .token(Self.code(error))
        }
    }

    /// Stable codes for logs; a claim's name at most, never its value.
    static func code(_ error: EntraAuthError) -> String {
        switch error {
        case .malformedToken: "malformed"
        case .unsupportedAlgorithm: "unsupported_algorithm"
        case .unknownKey: "unknown_key"
        case .badSignature: "invalid_signature"
        case .expired: "expired"
        case .notYetValid: "not_yet_valid"
        case .wrongIssuer: "issuer_mismatch"
        case .wrongAudience: "audience_mismatch"
        case .missingClaim(let name): "missing_claim.\(name)"
        case .invalidClaim(let name): "invalid_claim.\(name)"
        case .notAnAccessToken: "not_an_access_token"
        case .keySetUnavailable: "key_set_unavailable"
        case .configuration: "configuration"
        }
    }
}
