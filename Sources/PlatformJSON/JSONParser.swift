/// A strict RFC 8259 parser: no comments, trailing commas, leading zeros, NaN,
/// invalid UTF-8, lone surrogates or duplicate keys (a duplicate `id` or `name`
/// could make an interceptor and a tool read different values).
///
/// It can also report the exact byte range of values at chosen key paths, so a
/// caller can pass an unchanged sub-document on byte for byte.
public struct JSONParser: Sendable {
    public struct Limits: Sendable, Equatable {
        public var maxBytes: Int
        public var maxDepth: Int

        public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses one complete document.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try parse(bytes, recordingSpansAt: []).value
    }

    /// Parses a document that arrived as a Swift string (for example a JSON body sent as a string).
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses one document and returns the byte range of each value found at one of
    /// `paths` (sequences of object keys from the root).
    public func parse(
        _ bytes: [UInt8], recordingSpansAt paths: Set<[String]>
    ) throws(JSONParseError) -> (value: JSONValue, spans: [[String]: Range<Int>]) {
        guard bytes.count <= limits.maxBytes else { throw JSONParseError(.tooLarge, at: limits.maxBytes) }
        var scanner = JSONScanner(bytes: bytes, maxDepth: limits.maxDepth, wantedPaths: paths)
        scanner.skipWhitespace()
        let value = try scanner.parseValue(depth: 0, path: [])
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw JSONParseError(.trailingData, at: scanner.position) }
        return (value, scanner.spans)
    }
}
