/// The canonical headers block and the signed-headers list of a canonical request.
///
/// Names are lowercased and sorted; values trimmed with inner runs of
/// whitespace (including folded lines) collapsed to one space; repeated
/// headers joined with `,` in the order they were sent.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#create-canonical-request
struct SigV4CanonicalHeaders: Sendable {
    /// `name:value\n` per signed header.
    let lines: [UInt8]
    /// `host;x-amz-date;...`.
    let signedHeaders: [UInt8]

    var signedHeadersText: String { String(decoding: signedHeaders, as: UTF8.self) }

    struct MissingHeader: Error, Equatable {
        let name: String
    }

    /// One header to sign: its lowercase name as a span of a shared byte
    /// buffer (so sorting moves integers, not strings) and its field index,
    /// or -1 for a Host taken from the authority.
    private struct Entry {
        var name: Range<Int>
        var field: Int
    }

    /// Signs every header of the request except the never-signed ones (and
    /// the session token when `excludingSessionToken`); `host` comes from
    /// `authority` when the request has no Host header.
    init(signing headers: HTTPHeaders, authority: String, excludingSessionToken: Bool = false) {
        let fields = headers.fields
        var names = SigV4ByteWriter(capacity: fields.count * 24 + 4)
        var entries: [Entry] = []
        entries.reserveCapacity(fields.count + 1)
        var hasHost = false
        for index in fields.indices {
            let start = names.count
            var name = fields[index].name
            name.withUTF8 { bytes in
                for byte in bytes {
                    names.write(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
                }
            }
            let span = start..<names.count
            let written = names.bytes
            if Self.isNeverSigned(written, span) || (excludingSessionToken && written.bytes(span, equal: "x-amz-security-token")) {
                continue
            }
            hasHost = hasHost || written.bytes(span, equal: "host")
            entries.append(Entry(name: span, field: index))
        }
        if !hasHost {
            let start = names.count
            names.write("host")
            entries.append(Entry(name: start..<names.count, field: -1))
        }
        let written = names.bytes
        // Stable: repeated names keep the order they were sent in.
        entries.sort { lhs, rhs in
            let order = written.compareBytes(lhs.name, rhs.name)
            return order == 0 ? lhs.field < rhs.field : order < 0
        }
        self.init(names: names.bytes, entries: entries) { $0 < 0 ? authority : fields[$0].value }
    }

    /// Signs exactly `names` (lowercase, sorted, as listed in SignedHeaders);
    /// fails with the first name the request does not carry. `host` falls
    /// back to `authority`.
    static func selecting(_ names: [String], from headers: HTTPHeaders, authority: String) -> Result<SigV4CanonicalHeaders, MissingHeader> {
        var nameBytes: [UInt8] = []
        var entries: [Entry] = []
        for name in names {
            let start = nameBytes.count
            nameBytes.append(contentsOf: name.utf8)
            let range = start..<nameBytes.count
            let fields = headers.fields.indices.filter { headers.fields[$0].name.equalsIgnoringASCIICase(lowercase: name) }
            if fields.isEmpty {
                guard name == "host" else { return .failure(MissingHeader(name: name)) }
                entries.append(Entry(name: range, field: -1))
            }
            for field in fields {
                entries.append(Entry(name: range, field: field))
            }
        }
        let canonical = nameBytes.withUnsafeBufferPointer { names in
            SigV4CanonicalHeaders(names: names, entries: entries) { $0 < 0 ? authority : headers.fields[$0].value }
        }
        return .success(canonical)
    }

    private init(names: UnsafeBufferPointer<UInt8>, entries: [Entry], value: (Int) -> String) {
        var lines = SigV4ByteWriter(capacity: names.count + entries.count * 48)
        var signed = SigV4ByteWriter(capacity: names.count + entries.count)
        var previous: Range<Int>?
        for entry in entries {
            if let previous, names.compareBytes(previous, entry.name) == 0 {
                lines.removeLast()  // the newline: a repeated header continues the line
                lines.write(UInt8(ascii: ","))
            } else {
                if previous != nil { signed.write(UInt8(ascii: ";")) }
                let name = UnsafeBufferPointer(rebasing: names[entry.name])
                signed.write(name)
                lines.write(name)
                lines.write(UInt8(ascii: ":"))
                previous = entry.name
            }
            Self.writeTrimmed(value(entry.field), to: &lines)
            lines.write(UInt8(ascii: "\n"))
        }
        self.lines = lines.array
        signedHeaders = signed.array
    }

    /// Hop-by-hop and proxy-rewritten headers that are never signed (the same
    /// set as botocore), plus any previous Authorization.
    static func isNeverSigned(_ names: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        switch name.count {
        case 2: names.bytes(name, equal: "te")
        case 6: names.bytes(name, equal: "expect")
        case 7: names.bytes(name, equal: "upgrade") || names.bytes(name, equal: "trailer")
        case 10: names.bytes(name, equal: "connection") || names.bytes(name, equal: "keep-alive") || names.bytes(name, equal: "user-agent")
        case 13: names.bytes(name, equal: "authorization")
        case 15: names.bytes(name, equal: "x-amzn-trace-id")
        case 17: names.bytes(name, equal: "transfer-encoding")
        case 18: names.bytes(name, equal: "proxy-authenticate")
        case 19: names.bytes(name, equal: "proxy-authorization")
        default: false
        }
    }

    /// Trims leading and trailing whitespace and collapses inner runs to one space.
    private static func writeTrimmed(_ value: String, to output: inout SigV4ByteWriter) {
        var value = value
        value.withUTF8 { bytes in
            // Fast path: nothing to trim or collapse, copy in one go.
            if !needsTrimming(bytes) {
                output.write(bytes)
                return
            }
            var pendingSpace = false
            var wroteAny = false
            for byte in bytes {
                if isWhitespace(byte) {
                    pendingSpace = wroteAny
                } else {
                    if pendingSpace { output.write(UInt8(ascii: " ")) }
                    pendingSpace = false
                    wroteAny = true
                    output.write(byte)
                }
            }
        }
    }

    private static func needsTrimming(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if isWhitespace(first) || isWhitespace(last) { return true }
        var previousWasSpace = false
        for byte in bytes {
            if byte == UInt8(ascii: " ") {
                if previousWasSpace { return true }
                previousWasSpace = true
            } else {
                if isWhitespace(byte) { return true }
                previousWasSpace = false
            }
        }
        return false
    }

    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
