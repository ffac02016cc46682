/// SigV4's URI encoding: every byte except the unreserved set
/// `A-Z a-z 0-9 - . _ ~` becomes `%XX` with uppercase hex.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#create-canonical-request
enum SigV4URIEncoding {
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Appends `bytes` encoded; `/` is kept as is when `keepingSlash` (paths).
    static func appendEncoded(_ bytes: some Sequence<UInt8>, keepingSlash: Bool = false, to output: inout [UInt8]) {
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(upperHexDigits[Int(byte >> 4)])
                output.append(upperHexDigits[Int(byte & 0x0F)])
            }
        }
    }

    static func encoded(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        appendEncoded(text.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
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

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
