extension JSONScanner {
    /// Parses a string literal starting at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = position + 1
        // Fast path: without escapes the string is the bytes between the quotes,
        // and ASCII needs no UTF-8 validation. Appending scalars one run at a time
        // was most of the cost of parsing small documents such as JWT claims.
        var isASCII = true
        position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let run = bytes[start..<position]
                position += 1
                if isASCII { return String(decoding: run, as: UTF8.self) }
                guard let text = String(validating: run, as: UTF8.self) else { throw JSONParseError(.invalidUnicode, at: start) }
                return text
            }
            if byte < 0x20 { throw JSONParseError(.controlCharacter, at: position) }
            if byte == UInt8(ascii: "\\") { break }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        position = start
        return try parseEscapedString()
    }

    /// The general case from just after the opening quote: runs and escapes, each checked as it ends.
    private mutating func parseEscapedString() throws(JSONParseError) -> String {
        var scalars = String.UnicodeScalarView()
        var runStart = position
        while true {
            guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                try appendRun(runStart..<position, to: &scalars)
                position += 1
                return String(scalars)
            }
            if byte < 0x20 { throw JSONParseError(.controlCharacter, at: position) }
            if byte == UInt8(ascii: "\\") {
                try appendRun(runStart..<position, to: &scalars)
                scalars.append(try parseEscape())
                runStart = position
                continue
            }
            position += 1
        }
    }

    /// Appends raw bytes, refusing invalid UTF-8 instead of replacing it.
    private func appendRun(_ range: Range<Int>, to scalars: inout String.UnicodeScalarView) throws(JSONParseError) {
        guard !range.isEmpty else { return }
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw JSONParseError(.invalidUnicode, at: range.lowerBound)
        }
        scalars.append(contentsOf: text.unicodeScalars)
    }

    /// Parses one escape sequence starting at the backslash.
    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        let start = position
        position += 1
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default: throw JSONParseError(.invalidEscape, at: start)
        }
        let unit = try parseHex4()
        switch unit {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by an escaped low surrogate.
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw JSONParseError(.invalidUnicode, at: start) }
            position += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONParseError(.invalidUnicode, at: start) }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw JSONParseError(.invalidUnicode, at: start) }
            return scalar
        case 0xDC00...0xDFFF:
            throw JSONParseError(.invalidUnicode, at: start)
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw JSONParseError(.invalidUnicode, at: start) }
            return scalar
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidEscape, at: position)
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
