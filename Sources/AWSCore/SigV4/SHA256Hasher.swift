import COpenSSL

/// Incremental SHA-256 on OpenSSL's low-level context.
///
/// A value type: copying it forks the hash state, which is how `HMACKey`
/// keeps its inner and outer pad states precomputed.
struct SHA256Hasher: Sendable {
    private var context = SHA256_CTX()

    init() {
        copenssl_sha256_init(&context)
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        copenssl_sha256_update(&context, bytes.baseAddress, bytes.count)
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    consuming func finalize() -> SHA256Digest {
        var digest = SHA256Digest()
        digest.withUnsafeMutableBytes { copenssl_sha256_final($0.baseAddress!.assumingMemoryBound(to: UInt8.self), &context) }
        return digest
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }
}
