/// SigV4's URI encoding: every byte except the unreserved set
/// `A-Z a-z 0-9 - . _ ~` becomes `%XX` with uppercase hex.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#create-canonical-request
enum SigV4URIEncoding {
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        // Bit n of the mask pair is set when byte n is unreserved.
        byte < 64 ? (unreservedLow >> UInt64(byte)) & 1 == 1 : byte < 128 && (unreservedHigh >> UInt64(byte - 64)) & 1 == 1
    }

    /// `-` (45), `.` (46), `0-9` (48-57).
    private static let unreservedLow: UInt64 = 0x03FF_6000_0000_0000
    /// `A-Z` (65-90), `_` (95), `a-z` (97-122), `~` (126), offset by 64.
    private static let unreservedHigh: UInt64 = 0x47FF_FFFE_87FF_FFFE

    /// Writes `bytes` encoded; `/` is kept as is when `keepingSlash` (paths).
    /// Runs of bytes that need no escaping are copied in one go.
    static func writeEncoded(_ bytes: UnsafeBufferPointer<UInt8>, keepingSlash: Bool = false, to output: inout SigV4ByteWriter) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) { continue }
            output.write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            writeEscaped(byte, to: &output)
            runStart = index + 1
        }
        output.write(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    static func writeEncoded(_ text: String, to output: inout SigV4ByteWriter) {
        var text = text
        text.withUTF8 { writeEncoded($0, to: &output) }
    }

    @inline(__always)
    static func writeEscaped(_ byte: UInt8, to output: inout SigV4ByteWriter) {
        output.write(UInt8(ascii: "%"))
        output.write(hexDigit(byte >> 4))
        output.write(hexDigit(byte & 0x0F))
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &+ (UInt8(ascii: "A") - 10)
    }

    /// `text` encoded; with `keepingSlash`, `/` stays (an S3 key as a path).
    static func encoded(_ text: String, keepingSlash: Bool = false) -> String {
        var output = SigV4ByteWriter(capacity: text.utf8.count * 3)
        var text = text
        text.withUTF8 { writeEncoded($0, keepingSlash: keepingSlash, to: &output) }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; a `%` not followed by two hex digits stays literal.
    /// `+` is not a space here: SigV4 signs the bytes, not form encoding.
    static func appendDecoded(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            guard byte == UInt8(ascii: "%"), index != bytes.endIndex else {
                output.append(byte)
                continue
            }
            let second = bytes.index(after: index)
            guard second != bytes.endIndex, let high = hexValue(bytes[index]), let low = hexValue(bytes[second]) else {
                output.append(byte)
                continue
            }
            output.append(high << 4 | low)
            index = bytes.index(after: second)
        }
    }

    /// Removes `.` and `..` segments (RFC 3986 5.2.4) and empty segments, as
    /// every service but S3 expects; a trailing `/` survives when anything is left.
    static func normalizedPath(_ path: some Collection<UInt8>) -> [UInt8] {
        var segments: [ArraySlice<UInt8>] = []
        let bytes = Array(path)
        for segment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if segment.count == 1 && segment.first == UInt8(ascii: ".") {
                continue
            } else if segment.count == 2 && segment.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        var output: [UInt8] = [UInt8(ascii: "/")]
        output.reserveCapacity(bytes.count)
        for (index, segment) in segments.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "/")) }
            output.append(contentsOf: segment)
        }
        if !segments.isEmpty && bytes.last == UInt8(ascii: "/") {
            output.append(UInt8(ascii: "/"))
        }
        return output
    }

    /// Whether the path needs `normalizedPath` at all (fast path for clean paths).
    static func needsNormalization(_ path: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in path {
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") { return true }
            if byte == UInt8(ascii: ".") && (previous == UInt8(ascii: "/") || previous == UInt8(ascii: ".")) { return true }
            previous = byte
        }
        return false
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
