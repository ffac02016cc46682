/// An HMAC-SHA256 key with its inner and outer pad states hashed once
/// (RFC 2104), so each message costs only the blocks of the message itself.
struct HMACKey: Sendable {
    private let inner: SHA256Hasher
    private let outer: SHA256Hasher

    init(_ key: UnsafeRawBufferPointer) {
        var block = [UInt8](repeating: 0, count: 64)
        if key.count > 64 {
            SHA256Hasher.hash(key).withUnsafeBytes { block.replaceSubrange(0..<32, with: $0) }
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        var inner = SHA256Hasher()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256Hasher()
        outer.update(block.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    init(_ key: SHA256Digest) {
        self = key.withUnsafeBytes { HMACKey($0) }
    }

    init(_ key: String) {
        var key = key
        self = key.withUTF8 { HMACKey(UnsafeRawBufferPointer($0)) }
    }

    func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256Digest {
        var innerHash = inner
        innerHash.update(message)
        let innerDigest = innerHash.finalize()
        var outerHash = outer
        innerDigest.withUnsafeBytes { outerHash.update($0) }
        return outerHash.finalize()
    }

    func authenticationCode(for message: [UInt8]) -> SHA256Digest {
        message.withUnsafeBytes { authenticationCode(for: $0) }
    }

    func authenticationCode(for message: String) -> SHA256Digest {
        var message = message
        return message.withUTF8 { authenticationCode(for: UnsafeRawBufferPointer($0)) }
    }
}
