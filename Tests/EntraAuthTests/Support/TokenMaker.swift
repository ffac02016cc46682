import FoundationEssentials
@testable import JWT

/// Mints RS256 tokens for the validator tests from JSON text, so a test can
/// write any header or claim, including the malformed ones a forger would.
struct TokenMaker: Sendable {
    static let key = try! RSAKey.generate()
    static let otherKey = try! RSAKey.generate()
    static let kid = "key-1"
    static let issuer = "https://login.microsoftonline.com/contoso/v2.0"
    static let audience = "api://agent-platform"

    let now: Int

    /// The claims of a valid token, as JSON fragments by name.
    var baseClaims: [String: String] {
        [
            "iss": json(Self.issuer), "aud": json(Self.audience), "iat": "\(now)", "nbf": "\(now)",
            "exp": "\(now + 3600)", "sub": #""user-1""#, "tenantid": #""acme""#, "appid": #""app-1""#,
            "tier": #""premium""#, "roles": #"["Platform.Admin","Reader"]"#, "scp": #""Agents.Invoke""#, "ver": #""2.0""#,
        ]
    }

    /// `overrides` replace claims (JSON fragments); a nil value removes the claim.
    func payload(_ overrides: [String: String?] = [:]) -> String {
        var claims = baseClaims
        for (name, value) in overrides { claims[name] = value }
        return "{" + claims.sorted { $0.key < $1.key }.map { "\(json($0.key)):\($0.value)" }.joined(separator: ",") + "}"
    }

    static func header(alg: String = "RS256", kid: String? = TokenMaker.kid, extra: String = "") -> String {
        var members = [#""alg":\#(json(alg))"#, #""typ":"JWT""#]
        if let kid { members.append(#""kid":\#(json(kid))"#) }
        if !extra.isEmpty { members.append(extra) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A compact JWS of `header` and the claims, signed RS256 with `key`.
    func token(header: String = TokenMaker.header(), claims overrides: [String: String?] = [:], key: RSAKey = TokenMaker.key) -> String {
        let input = Self.signingInput(header: header, payload: payload(overrides))
        return input + "." + Base64URL.encode(try! key.sign(Array(input.utf8)))
    }

    static func signingInput(header: String, payload: String) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
    }

    /// `{"keys":[...]}` publishing `key` under `kid`.
    static func keySet(_ keys: [(RSAKey, String)] = [(TokenMaker.key, TokenMaker.kid)], alg: String? = "RS256") -> String {
        let jwks = keys.map { key, kid in
            var jwk = JWK(publicKeyOf: key, kid: kid)
            jwk.alg = alg
            return jwk
        }
        struct Document: Encodable { let keys: [JWK] }
        return String(decoding: try! JSONEncoder().encode(Document(keys: jwks)), as: UTF8.self)
    }
}

private func json(_ text: String) -> String {
    String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
}
