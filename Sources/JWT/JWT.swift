import FoundationEssentials

/// A compact JWS split into its decoded parts. Parsing checks structure
/// only; `JWTValidator` decides whether to trust it.
public struct JWT: Sendable {
    /// Tokens larger than this are refused before any decoding.
    public static let maximumSize = 16 * 1024

    public let header: JWTHeader
    public let claims: JWTClaims
    public let signature: [UInt8]
    /// `base64url(header) . base64url(payload)`: the bytes the signature covers.
    public let signingInput: [UInt8]

    public init(parsing token: String) throws(JWTError) {
        guard token.utf8.count <= Self.maximumSize else { throw .oversized }
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed }
        let headerBytes = try Base64URL.decode(Substring(parts[0]))
        let payloadBytes = try Base64URL.decode(Substring(parts[1]))
        signature = try Base64URL.decode(Substring(parts[2]))
        do {
            header = try JSONDecoder().decode(JWTHeader.self, from: Data(headerBytes))
        } catch {
            throw .invalidJSON("header")
        }
        do {
            claims = try JSONDecoder().decode(JWTClaims.self, from: Data(payloadBytes))
        } catch {
            throw .invalidJSON("payload")
        }
        signingInput = Array(token.utf8[..<parts[1].endIndex])
    }
}
