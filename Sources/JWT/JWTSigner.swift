import FoundationEssentials

/// Mints compact JWS tokens: RS256 for the local identity provider, HS256
/// for the gateway interceptor's scoped tokens.
public enum JWTSigner {
    public static func signRS256(_ claims: JWTClaims, key: RSAKey, kid: String) throws(JWTError) -> String {
        let signingInput = try signingInput(JWTHeader(alg: JWTAlgorithm.rs256.rawValue, kid: kid), claims)
        return signingInput + "." + Base64URL.encode(try key.sign(Array(signingInput.utf8)))
    }

    public static func signHS256(_ claims: JWTClaims, secret: [UInt8], kid: String? = nil) throws(JWTError) -> String {
        let signingInput = try signingInput(JWTHeader(alg: JWTAlgorithm.hs256.rawValue, kid: kid), claims)
        return signingInput + "." + Base64URL.encode(try HMACSHA256.authenticationCode(for: Array(signingInput.utf8), key: secret))
    }

    private static func signingInput(_ header: JWTHeader, _ claims: JWTClaims) throws(JWTError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
        } catch {
            throw JWTError(.invalidJSON, "the claims cannot be encoded as JSON")
        }
    }
}
