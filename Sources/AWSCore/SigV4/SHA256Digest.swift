/// A 32-byte SHA-256 (or HMAC-SHA256) result, stored inline.
struct SHA256Digest: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    mutating func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeMutableBytes(of: &words, body)
    }

    /// Appends the lowercase hex spelling, as SigV4 writes hashes and signatures.
    func appendHex(to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { hex in
            writeHex(into: hex)
            output.append(contentsOf: hex)
        }
    }

    /// Lowercase hex.
    var hex: String {
        String(unsafeUninitializedCapacity: 64) { hex in
            writeHex(into: hex)
            return 64
        }
    }

    private func writeHex(into hex: UnsafeMutableBufferPointer<UInt8>) {
        withUnsafeBytes { bytes in
            for index in 0..<32 {
                hex[2 * index] = Self.hexDigit(bytes[index] >> 4)
                hex[2 * index + 1] = Self.hexDigit(bytes[index] & 0x0F)
            }
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &+ (UInt8(ascii: "a") - 10)
    }
}
