/// Parses request and response heads (RFC 9112 sections 3, 4 and 5).
///
/// Input is the head without its final empty line; the parser is strict about
/// what would make a message ambiguous (bare LF, spaces before colons,
/// obsolete line folding) and lenient nowhere else.
package enum HTTPHeadParser {
    package static func parseRequest(_ bytes: ArraySlice<UInt8>) throws(HTTPWireError) -> HTTPRequestHead {
        var lines = try splitLines(bytes)
        let start = lines.removeFirst()
        let parts = start.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .malformed("malformed request line")
        }
        guard parts[0].allSatisfy(isTokenCharacter) else { throw .malformed("malformed method") }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else { throw .malformed("unsupported HTTP version") }
        guard parts[1].first == "/" || parts[1] == "*", parts[1].allSatisfy(isTargetCharacter) else {
            throw .malformed("malformed request target")
        }
        return HTTPRequestHead(
            method: String(parts[0]), target: String(parts[1]), version: String(parts[2]),
            fields: try parseFields(lines)
        )
    }

    package static func parseResponse(_ bytes: ArraySlice<UInt8>) throws(HTTPWireError) -> HTTPResponseHead {
        var lines = try splitLines(bytes)
        let start = lines.removeFirst()
        let parts = start.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
              let status = Int(parts[1]) else { throw .malformed("malformed status line") }
        return HTTPResponseHead(status: status, fields: try parseFields(lines))
    }

    /// Parses `name: value` lines (also used for chunked trailers).
    package static func parseFields(_ lines: [Substring]) throws(HTTPWireError) -> HTTPFields {
        var fields = HTTPFields()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("header line without colon") }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenCharacter) else { throw .malformed("malformed header name") }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            var end = value.endIndex
            while end > value.startIndex, value[value.index(before: end)] == " " || value[value.index(before: end)] == "\t" {
                end = value.index(before: end)
            }
            fields.add(String(name), String(value[..<end]))
        }
        return fields
    }

    private static func splitLines(_ bytes: ArraySlice<UInt8>) throws(HTTPWireError) -> [Substring] {
        // Header bytes are ISO-8859-1 at worst; reject control bytes other than HTAB.
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0d && byte != 0x0a || byte == 0x7f {
            throw .malformed("control character in head")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else { throw .malformed("empty start line") }
        for line in lines {
            if line.contains("\r") || line.contains("\n") { throw .malformed("bare CR or LF in head") }
            if line.first == " " || line.first == "\t" { throw .malformed("obsolete line folding") }
        }
        return Array(lines)
    }

    private static func isTokenCharacter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        if (0x30...0x39).contains(a) || (0x41...0x5a).contains(a) || (0x61...0x7a).contains(a) { return true }
        return "!#$%&'*+-.^_`|~".utf8.contains(a)
    }

    private static func isTargetCharacter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a > 0x20 && a < 0x7f
    }
}
