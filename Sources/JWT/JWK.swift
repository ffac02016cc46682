import COpenSSL
import FoundationEssentials

/// A JSON Web Key (RFC 7517) as found in a JWKS; only RSA signing keys are used.
public struct JWK: Sendable, Equatable, Codable {
    public var kty: String
    public var kid: String?
    public var use: String?
    public var alg: String?
    /// Base64url big-endian modulus.
    public var n: String?
    /// Base64url big-endian public exponent.
    public var e: String?

    public init(kty: String, kid: String? = nil, use: String? = nil, alg: String? = nil, n: String? = nil, e: String? = nil) {
        self.kty = kty
        self.kid = kid
        self.use = use
        self.alg = alg
        self.n = n
        self.e = e
    }

    /// The public JWK of `key`, `use: sig`, `alg: RS256`; the kid defaults to
    /// the RFC 7638 thumbprint, so the same key always gets the same kid.
    public init(publicKeyOf key: RSAKey, kid: String? = nil) {
        let (modulus, exponent) = key.publicComponents
        let n = Base64URL.encode(modulus)
        let e = Base64URL.encode(exponent)
        self.init(kty: "RSA", kid: kid ?? Self.thumbprint(n: n, e: e), use: "sig", alg: JWTAlgorithm.rs256.rawValue, n: n, e: e)
    }

    /// RFC 7638: base64url(SHA-256 of the required members in lexicographic order, no whitespace).
    public static func thumbprint(n: String, e: String) -> String {
        let canonical = Array(#"{"e":"\#(e)","kty":"RSA","n":"\#(n)"}"#.utf8)
        var digest = [UInt8](repeating: 0, count: 32)
        SHA256(canonical, canonical.count, &digest)
        return Base64URL.encode(digest)
    }

    /// Whether this is an RSA key meant for signatures (`use` absent or `sig`).
    /// Its `alg` is checked against each token's header by the validator.
    var isRSASigningKey: Bool {
        kty == "RSA" && (use == nil || use == "sig")
    }

    /// The OpenSSL key for this JWK's `n` and `e`.
    func rsaKey() throws(JWTError) -> RSAKey {
        guard kty == "RSA", let n, let e else { throw .invalidKey("an RSA JWK needs kty RSA, n and e") }
        return try RSAKey(modulus: Base64URL.decode(n), exponent: Base64URL.decode(e))
    }
}
