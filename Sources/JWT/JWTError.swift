/// Why a token (or a key) was rejected.
///
/// `code` is stable for metrics and API responses; `description` names the
/// part or claim that failed, never the token, a signature or a claim value.
public struct JWTError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case malformed = "jwt.malformed"
        case oversized = "jwt.oversized"
        case invalidBase64URL = "jwt.invalid_base64url"
        case invalidJSON = "jwt.invalid_json"
        case unsupportedAlgorithm = "jwt.unsupported_algorithm"
        case algorithmMismatch = "jwt.algorithm_mismatch"
        case criticalHeader = "jwt.critical_header"
        case unknownKey = "jwt.unknown_key"
        case invalidKey = "jwt.invalid_key"
        case invalidSignature = "jwt.invalid_signature"
        case expired = "jwt.expired"
        case notYetValid = "jwt.not_yet_valid"
        case issuedInFuture = "jwt.issued_in_future"
        case issuerMismatch = "jwt.issuer_mismatch"
        case audienceMismatch = "jwt.audience_mismatch"
        case missingClaim = "jwt.missing_claim"
        case invalidClaim = "jwt.invalid_claim"
        case invalidJWKS = "jwt.invalid_jwks"
        case cryptoFailure = "jwt.crypto_failure"
    }

    public let code: Code
    /// An operator-facing explanation with no token material in it.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    static let malformed = JWTError(.malformed, "a JWT has exactly three dot-separated parts")
    static let oversized = JWTError(.oversized, "the token is larger than 16 KB")
    static let invalidBase64URL = JWTError(.invalidBase64URL, "a part is not unpadded base64url")
    static let unsupportedAlgorithm = JWTError(.unsupportedAlgorithm, "the header alg is not the pinned algorithm")
    static let criticalHeader = JWTError(.criticalHeader, "the header has a crit parameter")
    static let unknownKey = JWTError(.unknownKey, "no key with the header's kid")
    static let invalidSignature = JWTError(.invalidSignature, "the signature does not verify")
    static let expired = JWTError(.expired, "the token has expired")
    static let notYetValid = JWTError(.notYetValid, "the token is not valid yet")
    static let issuedInFuture = JWTError(.issuedInFuture, "the iat claim is in the future")
    static let issuerMismatch = JWTError(.issuerMismatch, "the iss claim is not the expected issuer")
    static let audienceMismatch = JWTError(.audienceMismatch, "the aud claim does not contain the expected audience")

    static func invalidJSON(_ part: String) -> JWTError { JWTError(.invalidJSON, "the \(part) is not a valid JSON object") }
    static func algorithmMismatch(_ detail: String) -> JWTError { JWTError(.algorithmMismatch, detail) }
    static func missingClaim(_ name: String) -> JWTError { JWTError(.missingClaim, "the \(name) claim is missing") }
    static func invalidClaim(_ name: String) -> JWTError { JWTError(.invalidClaim, "the \(name) claim has the wrong type") }
    static func invalidKey(_ detail: String) -> JWTError { JWTError(.invalidKey, detail) }
    static func invalidJWKS(_ detail: String) -> JWTError { JWTError(.invalidJWKS, detail) }
    static func cryptoFailure(_ operation: String) -> JWTError { JWTError(.cryptoFailure, "OpenSSL failed to \(operation)") }
}
