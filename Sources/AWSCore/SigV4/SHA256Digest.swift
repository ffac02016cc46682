/// A 32-byte SHA-256 (or HMAC-SHA256) result, stored inline.
struct SHA256Digest: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.words == rhs.words
    }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    mutating func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeMutableBytes(of: &words, body)
    }

    /// Lowercase hex, as SigV4 writes hashes and signatures.
    func appendHex(to output: inout [UInt8]) {
        withUnsafeBytes { bytes in
            for byte in bytes {
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    var hex: String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        appendHex(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
