/// SHA-256 for callers outside the signer (the interceptor's idempotency keys),
/// on the same OpenSSL hasher SigV4 uses.
public enum SHA256 {
    /// The lowercase hex digest of `bytes` (64 characters).
    public static func hexDigest(of bytes: [UInt8]) -> String {
        SHA256Hasher.hash(bytes).hex
    }
}
