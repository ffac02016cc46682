/// Reads one message body, framed by `Content-Length` or chunked coding
/// (RFC 9112 section 7.1), piece by piece so callers can relay as data arrives.
package final class HTTPBodyReader {
    package enum Framing: Equatable, Sendable {
        case length(Int)
        case chunked
        /// A response without length that runs to the end of the connection.
        case untilClose
    }

    private enum State {
        case length(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case untilClose
        case done
    }

    private let reader: HTTPReader
    private var state: State
    private let trailerLimit: Int
    /// Trailer fields of a chunked body, available once `next()` returned nil.
    package private(set) var trailers = HTTPFields()

    package init(reader: HTTPReader, framing: Framing, trailerLimit: Int = 16 * 1024) {
        self.reader = reader
        self.trailerLimit = trailerLimit
        switch framing {
        case .length(let count): state = count > 0 ? .length(remaining: count) : .done
        case .chunked: state = .chunkSize
        case .untilClose: state = .untilClose
        }
    }

    /// The framing a request head announces; a head with both or an invalid length is malformed.
    package static func framing(of fields: HTTPFields) throws(HTTPWireError) -> Framing {
        let transferEncoding = fields["Transfer-Encoding"]
        let contentLength = fields["Content-Length"]
        if let transferEncoding {
            guard contentLength == nil else { throw .malformed("both Transfer-Encoding and Content-Length") }
            guard transferEncoding.lowercased() == "chunked" else { throw .malformed("unsupported Transfer-Encoding") }
            return .chunked
        }
        guard let contentLength else { return .length(0) }
        guard !contentLength.isEmpty, contentLength.utf8.count <= 18, contentLength.allSatisfy(\.isASCII),
              let count = Int(contentLength), count >= 0 else {
            throw .malformed("invalid Content-Length")
        }
        return .length(count)
    }

    package var isComplete: Bool { if case .done = state { true } else { false } }

    /// The next piece of body data, or nil at the end of the body.
    package func next() throws(HTTPWireError) -> [UInt8]? {
        while true {
            switch state {
            case .done:
                return nil
            case .length(let remaining):
                let piece = try reader.readSome(maximum: remaining)
                state = remaining == piece.count ? .done : .length(remaining: remaining - piece.count)
                return piece
            case .untilClose:
                do throws(HTTPWireError) {
                    return try reader.readSome(maximum: 1 << 20)
                } catch .connectionClosed {
                    state = .done
                    return nil
                }
            case .chunkSize:
                let line = try reader.readLine(limit: 1024)
                let size = try Self.chunkSize(line)
                if size == 0 {
                    trailers = try readTrailers()
                    state = .done
                    return nil
                }
                state = .chunkData(remaining: size)
            case .chunkData(let remaining):
                let piece = try reader.readSome(maximum: remaining)
                if piece.count == remaining {
                    guard try reader.readExactly(2) == [13, 10] else { throw .malformed("chunk not followed by CRLF") }
                    state = .chunkSize
                } else {
                    state = .chunkData(remaining: remaining - piece.count)
                }
                return piece
            }
        }
    }

    /// Reads the rest of the body; throws `.bodyTooLarge` past `limit` bytes.
    package func readAll(limit: Int) throws(HTTPWireError) -> [UInt8] {
        var body: [UInt8] = []
        while let piece = try next() {
            guard body.count + piece.count <= limit else { throw .bodyTooLarge }
            body += piece
        }
        return body
    }

    /// Reads and discards the rest of the body, up to `limit` bytes.
    package func drain(limit: Int) throws(HTTPWireError) {
        var seen = 0
        while let piece = try next() {
            seen += piece.count
            guard seen <= limit else { throw .bodyTooLarge }
        }
    }

    /// Parses a chunk-size line, ignoring chunk extensions.
    package static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTPWireError) -> Int {
        let digits = line.prefix { $0 != UInt8(ascii: ";") }
        var trimmed = digits[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty, trimmed.count <= 15 else { throw .malformed("invalid chunk size") }
        var size = 0
        for byte in trimmed {
            guard let digit = hexValue(byte) else { throw .malformed("invalid chunk size") }
            size = size * 16 + digit
        }
        return size
    }

    private func readTrailers() throws(HTTPWireError) -> HTTPFields {
        var lines: [Substring] = []
        var total = 0
        while true {
            let line = try reader.readLine(limit: trailerLimit)
            if line.isEmpty { break }
            total += line.count + 2
            guard total <= trailerLimit else { throw .headTooLarge }
            lines.append(Substring(String(decoding: line, as: UTF8.self)))
        }
        return try HTTPHeadParser.parseFields(lines)
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
