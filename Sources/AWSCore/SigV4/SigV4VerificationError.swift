/// Why a SigV4-signed request was rejected.
///
/// Messages name the part that failed, never the signature, the secret or a
/// header value, so they can be logged and returned as they are.
public enum SigV4VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of the Authorization header (or the x-amz-date header) that could not be parsed.
    public enum Part: String, Sendable {
        case header, credential, signedHeaders, signature, date
    }

    /// The credential-scope field that does not match this verifier or the request date.
    public enum ScopeField: String, Sendable {
        case service, region, date
    }

    case malformed(Part)
    case unsupportedAlgorithm
    /// A header that must be signed is not in SignedHeaders, or is signed but absent.
    case missingSignedHeader(String)
    case credentialScopeMismatch(ScopeField)
    /// x-amz-date is older than the allowed clock skew.
    case staleDate
    /// x-amz-date is further ahead than the allowed clock skew.
    case futureDate
    case signatureMismatch

    /// A stable, machine-readable code, e.g. `sigv4.malformed.credential`.
    public var code: String {
        switch self {
        case .malformed(let part): "sigv4.malformed.\(part.rawValue)"
        case .unsupportedAlgorithm: "sigv4.unsupported_algorithm"
        case .missingSignedHeader: "sigv4.missing_signed_header"
        case .credentialScopeMismatch(let field): "sigv4.scope_mismatch.\(field.rawValue)"
        case .staleDate: "sigv4.stale_date"
        case .futureDate: "sigv4.future_date"
        case .signatureMismatch: "sigv4.signature_mismatch"
        }
    }

    public var description: String {
        switch self {
        case .malformed(.header): "the Authorization header is not a SigV4 header"
        case .malformed(.date): "the x-amz-date header is missing or not in YYYYMMDD'T'HHMMSS'Z' form"
        case .malformed(let part): "the \(part.rawValue) component of the Authorization header is malformed"
        case .unsupportedAlgorithm: "only AWS4-HMAC-SHA256 is supported"
        case .missingSignedHeader(let name): "the \(name) header must be present and signed"
        case .credentialScopeMismatch(let field): "the credential scope \(field.rawValue) does not match"
        case .staleDate: "the request date is older than the allowed clock skew"
        case .futureDate: "the request date is further ahead than the allowed clock skew"
        case .signatureMismatch: "the signature does not match"
        }
    }
}
