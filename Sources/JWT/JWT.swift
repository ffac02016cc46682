import PlatformJSON

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

    /// Splits and decodes; header and payload go through the platform's strict
    /// JSON parser (no duplicate keys, no invalid UTF-8 or lone surrogates).
    public init(parsing token: String) throws(JWTError) {
        guard token.utf8.count <= Self.maximumSize else { throw .oversized }
        let bytes = Array(token.utf8)
        // Exactly two dots: three parts, any of them possibly empty.
        guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: ".")),
              let payloadEnd = bytes[(headerEnd + 1)...].firstIndex(of: UInt8(ascii: ".")),
              !bytes[(payloadEnd + 1)...].contains(UInt8(ascii: ".")) else { throw .malformed }
        let headerBytes = try Base64URL.decode(bytes[..<headerEnd])
        let payloadBytes = try Base64URL.decode(bytes[(headerEnd + 1)..<payloadEnd])
        signature = try Base64URL.decode(bytes[(payloadEnd + 1)...])
        header = try JWTHeader(json: Self.object(headerBytes, part: "header"))
        claims = try JWTClaims(json: Self.object(payloadBytes, part: "payload"))
        signingInput = Array(bytes[..<payloadEnd])
    }

    /// The part's JSON object; `invalidJSON` for anything else.
    private static func object(_ bytes: [UInt8], part: String) throws(JWTError) -> JSONObject {
        guard let object = try? JSONParser().parse(bytes).objectValue else { throw .invalidJSON(part) }
        return object
    }
}
