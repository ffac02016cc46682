/// Parses request and response heads (RFC 9112 sections 3, 4 and 5).
///
/// Input is the head without its final empty line; the parser is strict about
/// what would make a message ambiguous (bare LF, spaces before colons,
/// obsolete line folding) and lenient nowhere else.
///
/// It works on bytes, not `Character`s: every invocation through the Lambda
/// host parses several heads, and grapheme-aware `String` splitting was the
/// largest user-space cost on that path.
package enum HTTPHeadParser {
    package static func parseRequest(_ bytes: ArraySlice<UInt8>) throws(HTTPWireError) -> HTTPRequestHead {
        try bytes.withUnsafeBufferPointer { (head) throws(HTTPWireError) -> HTTPRequestHead in
            let lines = try splitLines(head)
            let start = lines[0]
            // Exactly two single spaces: `method SP target SP version`.
            guard let firstSpace = start.firstIndex(of: space),
                  let secondSpace = start[(firstSpace + 1)...].firstIndex(of: space),
                  !start[(secondSpace + 1)...].contains(space) else {
                throw .malformed("malformed request line")
            }
            let method = start[..<firstSpace]
            let target = start[(firstSpace + 1)..<secondSpace]
            let version = start[(secondSpace + 1)...]
            guard !method.isEmpty, !target.isEmpty else { throw .malformed("malformed request line") }
            guard method.allSatisfy(isToken) else { throw .malformed("malformed method") }
            guard version.elementsEqual(http11) || version.elementsEqual(http10) else {
                throw .malformed("unsupported HTTP version")
            }
            guard target.first == slash || target.elementsEqual(asterisk), target.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
                throw .malformed("malformed request target")
            }
            return HTTPRequestHead(
                method: string(method), target: string(target), version: string(version),
                fields: try parseFields(lines.dropFirst())
            )
        }
    }

    package static func parseResponse(_ bytes: ArraySlice<UInt8>) throws(HTTPWireError) -> HTTPResponseHead {
        try bytes.withUnsafeBufferPointer { (head) throws(HTTPWireError) -> HTTPResponseHead in
            let lines = try splitLines(head)
            let start = lines[0]
            // `HTTP/1.x SP 3DIGIT [SP reason]`.
            let version = start.prefix { $0 != space }
            let rest = start[version.endIndex...].dropFirst()
            let code = rest.prefix { $0 != space }
            guard version.starts(with: http1Prefix), version.endIndex < start.endIndex, code.count == 3,
                  code.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw .malformed("malformed status line")
            }
            let status = code.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            return HTTPResponseHead(status: status, fields: try parseFields(lines.dropFirst()))
        }
    }

    /// Parses `name: value` lines (also used for chunked trailers).
    package static func parseFields(_ lines: [Substring]) throws(HTTPWireError) -> HTTPFields {
        var fields = HTTPFields()
        for line in lines {
            try Array(line.utf8).withUnsafeBufferPointer { (buffer) throws(HTTPWireError) in
                try addField(buffer[...], to: &fields)
            }
        }
        return fields
    }

    // MARK: Byte-level stages

    private typealias Line = Slice<UnsafeBufferPointer<UInt8>>

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":")
    private static let slash = UInt8(ascii: "/")
    private static let asterisk: [UInt8] = [UInt8(ascii: "*")]
    private static let http11 = Array("HTTP/1.1".utf8)
    private static let http10 = Array("HTTP/1.0".utf8)
    private static let http1Prefix = Array("HTTP/1.".utf8)

    private static func parseFields(_ lines: ArraySlice<Line>) throws(HTTPWireError) -> HTTPFields {
        var fields = HTTPFields()
        for line in lines { try addField(line, to: &fields) }
        return fields
    }

    private static func addField(_ line: Line, to fields: inout HTTPFields) throws(HTTPWireError) {
        guard let colonIndex = line.firstIndex(of: colon) else { throw .malformed("header line without colon") }
        let name = line[..<colonIndex]
        guard !name.isEmpty, name.allSatisfy(isToken) else { throw .malformed("malformed header name") }
        var value = line[(colonIndex + 1)...]
        while let first = value.first, first == space || first == tab { value = value.dropFirst() }
        while let last = value.last, last == space || last == tab { value = value.dropLast() }
        fields.add(string(name), string(value))
    }

    /// Splits on CRLF after rejecting control bytes, bare CR/LF and folded lines.
    private static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPWireError) -> [Line] {
        // Header bytes are ISO-8859-1 at worst; reject control bytes other than HTAB.
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0d && byte != 0x0a || byte == 0x7f {
            throw .malformed("control character in head")
        }
        var lines: [Line] = []
        lines.reserveCapacity(16)
        var lineStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0d, index + 1 < count, bytes[index + 1] == 0x0a {
                lines.append(bytes[lineStart..<index])
                index += 2
                lineStart = index
            } else if byte == 0x0d || byte == 0x0a {
                throw .malformed("bare CR or LF in head")
            } else {
                index += 1
            }
        }
        lines.append(bytes[lineStart..<count])
        guard !lines[0].isEmpty else { throw .malformed("empty start line") }
        for line in lines where line.first == space || line.first == tab {
            throw .malformed("obsolete line folding")
        }
        return lines
    }

    private static func string(_ bytes: Line) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    /// `tchar` (RFC 9110 section 5.6.2).
    private static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5a, 0x61...0x7a: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
