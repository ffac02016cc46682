/// Unpadded base64url (RFC 4648 section 5), as JWS uses it (RFC 7515 section 2).
///
/// Decoding is strict: only `A-Z a-z 0-9 - _`, no padding, no length that
/// leaves a dangling character, and no non-zero bits after the last byte, so
/// each byte string has exactly one accepted spelling.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Each byte's sextet, or `invalid` for bytes outside the alphabet.
    private static let sextets: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()
    private static let invalid: UInt8 = 0xFF

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int(group >> UInt32(shift) & 0x3F)]) }
            index += 3
        }
        let remaining = input.count - index
        if remaining > 0 {
            let group = UInt32(input[index]) << 16 | (remaining == 2 ? UInt32(input[index + 1]) << 8 : 0)
            for shift in [18, 12, 6].prefix(remaining + 1) { output.append(alphabet[Int(group >> UInt32(shift) & 0x3F)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func decode(_ text: some StringProtocol) throws(JWTError) -> [UInt8] {
        // `withUTF8` gives contiguous bytes for any string (a copy only for a substring).
        var text = String(text)
        guard let bytes = text.withUTF8(decoded(_:)) else { throw .invalidBase64URL }
        return bytes
    }

    /// Decodes base64url text given as its UTF-8 bytes.
    static func decode(_ utf8: ArraySlice<UInt8>) throws(JWTError) -> [UInt8] {
        guard let bytes = utf8.withUnsafeBufferPointer(decoded(_:)) else { throw .invalidBase64URL }
        return bytes
    }

    /// Four characters to three bytes at a time through a lookup table; nil when
    /// the input is not canonical unpadded base64url.
    private static func decoded(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = input.count
        guard count % 4 != 1 else { return nil }
        // A 2- or 3-character tail carries 1 or 2 bytes.
        let outputCount = count * 3 / 4
        return sextets.withUnsafeBufferPointer { table in
            // Every sextet is OR-ed in: a high bit means some character was outside the alphabet.
            var seen: UInt8 = 0
            var leftoverBits: UInt8 = 0
            let output = [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, initialized in
                var index = 0
                var written = 0
                while index + 4 <= count {
                    let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                    let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                    seen |= a | b | c | d
                    buffer[written] = a << 2 | b >> 4
                    buffer[written + 1] = b << 4 | c >> 2
                    buffer[written + 2] = c << 6 | d
                    index += 4
                    written += 3
                }
                if count - index >= 2 {
                    let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                    seen |= a | b
                    buffer[written] = a << 2 | b >> 4
                    if count - index == 3 {
                        let c = table[Int(input[index + 2])]
                        seen |= c
                        buffer[written + 1] = b << 4 | c >> 2
                        leftoverBits = c & 0x03
                    } else {
                        leftoverBits = b & 0x0F
                    }
                }
                initialized = outputCount
            }
            // Leftover bits must be zero, or two spellings would decode alike.
            return seen & 0xC0 == 0 && leftoverBits == 0 ? output : nil
        }
    }
}
