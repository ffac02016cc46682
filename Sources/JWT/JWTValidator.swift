import FoundationEssentials

/// Decides whether to trust a token: the algorithm is pinned, the signature
/// checked against a key chosen by kid (RS256) or a shared secret (HS256),
/// then `exp`, `nbf`, `iat`, `iss`, `aud` and the required claims against `now`.
public struct JWTValidator: Sendable {
    /// The most clock leeway the validator will grant, whatever is asked.
    public static let maximumLeeway: TimeInterval = 60

    public let algorithm: JWTAlgorithm
    public let issuer: String?
    public let audience: String?
    /// Seconds of clock skew allowed on `exp`, `nbf` and `iat`, at most 60.
    public let leeway: TimeInterval
    /// Claims that must be present and non-null, e.g. `tenantid`, `appid`.
    public let requiredClaims: [String]

    public init(algorithm: JWTAlgorithm, issuer: String?, audience: String?, leeway: TimeInterval = 60, requiredClaims: [String] = []) {
        self.algorithm = algorithm
        self.issuer = issuer
        self.audience = audience
        self.leeway = min(max(leeway, 0), Self.maximumLeeway)
        self.requiredClaims = requiredClaims
    }

    /// Validates an RS256 token against the key named by its `kid`.
    public func validate(_ token: String, keys: JWKS, now: Date) throws(JWTError) -> JWT {
        try pin(.rs256)
        return try validate(JWT(parsing: token), keys: keys, now: now)
    }

    /// Validates an RS256 token already parsed, so a caller that read its header
    /// first (to find the key set) does not parse it twice.
    public func validate(_ jwt: JWT, keys: JWKS, now: Date) throws(JWTError) -> JWT {
        try pin(.rs256)
        try checkHeader(jwt)
        guard let kid = jwt.header.kid, let (jwk, key) = keys.key(for: kid) else { throw .unknownKey }
        // The key's own alg, when it states one, must be the header's (RFC 7517 4.4).
        guard jwk.alg == nil || jwk.alg == jwt.header.alg else { throw .algorithmMismatch("the key's alg differs from the header's") }
        guard key.verify(jwt.signature, of: jwt.signingInput) else { throw .invalidSignature }
        try checkClaims(jwt.claims, now: now)
        return jwt
    }

    /// Validates an HS256 token against a shared secret.
    public func validate(_ token: String, secret: [UInt8], now: Date) throws(JWTError) -> JWT {
        try pin(.hs256)
        let jwt = try JWT(parsing: token)
        try checkHeader(jwt)
        guard try HMACSHA256.isValid(jwt.signature, for: jwt.signingInput, key: secret) else { throw .invalidSignature }
        try checkClaims(jwt.claims, now: now)
        return jwt
    }

    private func pin(_ expected: JWTAlgorithm) throws(JWTError) {
        guard algorithm == expected else { throw .algorithmMismatch("this validator is pinned to \(algorithm.rawValue)") }
    }

    private func checkHeader(_ jwt: JWT) throws(JWTError) {
        // Pinned: `none`, any HS* for an RS256 validator (and vice versa) are refused here.
        guard jwt.header.alg == algorithm.rawValue else { throw .unsupportedAlgorithm }
        guard jwt.header.crit == nil else { throw .criticalHeader }
    }

    private func checkClaims(_ claims: JWTClaims, now: Date) throws(JWTError) {
        let now = now.timeIntervalSince1970
        guard let expiry = try claims.number("exp") else { throw .missingClaim("exp") }
        guard now < expiry + leeway else { throw .expired }
        if let notBefore = try claims.number("nbf") {
            guard now >= notBefore - leeway else { throw .notYetValid }
        }
        // A token issued after now (beyond the same leeway) comes from a wrong
        // clock or a forger's: it is not valid yet, whatever its `nbf` says.
        if let issuedAt = try claims.number("iat") {
            guard issuedAt <= now + leeway else { throw .issuedInFuture }
        }
        if let issuer {
            guard try claims.string("iss") == issuer else { throw .issuerMismatch }
        }
        if let audience {
            guard try claims.strings("aud")?.contains(audience) == true else { throw .audienceMismatch }
        }
        for name in requiredClaims where claims[name] == nil || claims[name] == .null {
            throw .missingClaim(name)
        }
    }
}
