import FoundationEssentials

/// A JSON Web Key Set (RFC 7517 section 5) reduced to its RSA signing
/// keys, each built into an OpenSSL key once, by kid.
///
/// Keys of other types (EC, oct...) or uses, keys without a kid, and RSA
/// keys that do not build are left out rather than failing the whole set.
public struct JWKS: Sendable {
    /// Documents larger than this are refused before parsing.
    public static let maximumSize = 64 * 1024

    /// The usable keys, in document order.
    public let keys: [JWK]
    private let rsaKeys: [String: RSAKey]

    public init(keys: [JWK]) {
        var usable: [JWK] = []
        var rsaKeys: [String: RSAKey] = [:]
        for jwk in keys where jwk.isRSASigningKey {
            guard let kid = jwk.kid, rsaKeys[kid] == nil, let key = try? jwk.rsaKey() else { continue }
            usable.append(jwk)
            rsaKeys[kid] = key
        }
        self.keys = usable
        self.rsaKeys = rsaKeys
    }

    /// Parses `{"keys": [...]}`.
    public init(json: some Collection<UInt8>) throws(JWTError) {
        guard json.count <= Self.maximumSize else { throw .invalidJWKS("the JWKS document is larger than 64 KB") }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json))
        } catch {
            throw .invalidJWKS("the document is not a JWKS")
        }
        self.init(keys: document.keys)
    }

    private struct Document: Decodable {
        let keys: [JWK]
    }

    public var kids: [String] { keys.compactMap(\.kid) }

    /// The key with `kid` and the JWK it came from, or nil.
    func key(for kid: String) -> (jwk: JWK, key: RSAKey)? {
        guard let key = rsaKeys[kid], let jwk = keys.first(where: { $0.kid == kid }) else { return nil }
        return (jwk, key)
    }
}
