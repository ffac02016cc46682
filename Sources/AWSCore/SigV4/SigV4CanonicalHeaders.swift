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
    let signedHeaders: String

    /// Hop-by-hop and proxy-rewritten headers that are never signed (the same
    /// set as botocore), plus any previous Authorization.
    static let unsignedNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
        "user-agent", "x-amzn-trace-id",
    ]

    /// Signs every header of the request except `unsignedNames` and `excluded`;
    /// `host` comes from `authority` when the request has no Host header.
    init(signing headers: HTTPHeaders, authority: String, excluding excluded: Set<String> = []) {
        var entries: [(name: String, position: Int, value: String)] = []
        entries.reserveCapacity(headers.fields.count + 1)
        var hasHost = false
        for (position, field) in headers.fields.enumerated() {
            let name = field.name.lowercased()
            if Self.unsignedNames.contains(name) || excluded.contains(name) { continue }
            if name == "host" { hasHost = true }
            entries.append((name, position, field.value))
        }
        if !hasHost {
            entries.append(("host", -1, authority))
        }
        entries.sort { $0.name == $1.name ? $0.position < $1.position : $0.name < $1.name }
        self.init(sortedEntries: entries.lazy.map { ($0.name, $0.value) })
    }

    /// Signs exactly `names` (lowercase, sorted, as listed in SignedHeaders);
    /// fails with the first name the request does not carry.
    static func selecting(_ names: [String], from headers: HTTPHeaders, authority: String) -> Result<SigV4CanonicalHeaders, MissingHeader> {
        var entries: [(String, String)] = []
        entries.reserveCapacity(names.count)
        for name in names {
            let values = headers.values(for: name)
            if values.isEmpty {
                guard name == "host" else { return .failure(MissingHeader(name: name)) }
                entries.append((name, authority))
            }
            for value in values { entries.append((name, value)) }
        }
        return .success(SigV4CanonicalHeaders(sortedEntries: entries))
    }

    struct MissingHeader: Error, Equatable {
        let name: String
    }

    private init(sortedEntries: some Sequence<(String, String)>) {
        var lines: [UInt8] = []
        lines.reserveCapacity(256)
        var signed: [UInt8] = []
        signed.reserveCapacity(64)
        var previous: String?
        for (name, value) in sortedEntries {
            if name == previous {
                lines.removeLast()  // the newline: a repeated header continues the line
                lines.append(UInt8(ascii: ","))
            } else {
                if previous != nil { signed.append(UInt8(ascii: ";")) }
                signed.append(contentsOf: name.utf8)
                lines.append(contentsOf: name.utf8)
                lines.append(UInt8(ascii: ":"))
                previous = name
            }
            Self.appendTrimmed(value, to: &lines)
            lines.append(UInt8(ascii: "\n"))
        }
        self.lines = lines
        signedHeaders = String(decoding: signed, as: UTF8.self)
    }

    /// Trims leading and trailing whitespace and collapses inner runs to one space.
    private static func appendTrimmed(_ value: String, to output: inout [UInt8]) {
        var pendingSpace = false
        var wroteAny = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                pendingSpace = wroteAny
            default:
                if pendingSpace { output.append(UInt8(ascii: " ")) }
                pendingSpace = false
                wroteAny = true
                output.append(byte)
            }
        }
    }
}
