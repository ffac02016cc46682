/// What the signature says about the body (the last line of the canonical request).
public enum SigV4Payload: Sendable, Equatable {
    /// The SHA-256 of the body, computed by the signer.
    case signed
    /// `UNSIGNED-PAYLOAD`: the body is not covered by the signature (S3 over TLS).
    case unsigned
    /// A hex SHA-256 (or an S3 streaming marker) the caller already has.
    case precomputed(String)

    static let unsignedPayloadMarker = "UNSIGNED-PAYLOAD"
}
