import JWT

extension EntraAuthError {
    /// The authoriser's view of a `JWT` module failure.
    init(_ error: JWTError) {
        switch error.code {
        case .malformed, .oversized, .invalidBase64URL, .invalidJSON: self = .malformedToken
        case .unsupportedAlgorithm, .algorithmMismatch, .criticalHeader: self = .unsupportedAlgorithm
        case .unknownKey: self = .unknownKey
        // An invalid key or an OpenSSL failure means the signature was not shown valid.
        case .invalidSignature, .invalidKey, .cryptoFailure: self = .badSignature
        case .expired: self = .expired
        case .notYetValid, .issuedInFuture: self = .notYetValid
        case .issuerMismatch: self = .wrongIssuer
        case .audienceMismatch: self = .wrongAudience
        // The validator reports `exp`/`nbf`/`iss`/`aud` of the wrong type only after the signature held.
        case .missingClaim, .invalidClaim: self = .malformedToken
        case .invalidJWKS: self = .keySetUnavailable
        }
    }
}
