/// Task 1 of SigV4: the canonical request, kept as bytes because it is only
/// ever hashed (and compared in tests).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#create-canonical-request
struct SigV4CanonicalRequest: Sendable {
    /// `METHOD \n URI \n QUERY \n HEADERS \n SIGNED-HEADERS \n PAYLOAD-HASH`.
    let bytes: [UInt8]
    /// Lowercase header names joined with `;`, as they go in the Authorization header.
    let signedHeaders: String

    var text: String { String(decoding: bytes, as: UTF8.self) }

    init(method: String, uri: [UInt8], query: [UInt8], headers: SigV4CanonicalHeaders, payloadHash: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(method.utf8.count + uri.count + query.count + headers.lines.count + headers.signedHeaders.utf8.count + 72)
        bytes.append(contentsOf: method.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: uri)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: query)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: headers.lines)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: headers.signedHeaders.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: payloadHash.utf8)
        self.bytes = bytes
        signedHeaders = headers.signedHeaders
    }

    /// The canonical URI.
    ///
    /// Every service but S3: remove dot and empty segments, then encode the
    /// wire path again (so `%20` is signed as `%2520`: "double encoding").
    /// S3: no normalisation, and the path is encoded exactly once, so an
    /// already encoded key is signed as sent.
    static func uri(path: String, options: SigV4Options) -> [UInt8] {
        var path = path
        return path.withUTF8 { raw in
            var output: [UInt8] = []
            output.reserveCapacity(raw.count + 16)
            if options.encodesPathTwice {
                if options.normalizesPath && SigV4URIEncoding.needsNormalization(raw) {
                    SigV4URIEncoding.appendEncoded(SigV4URIEncoding.normalizedPath(raw), keepingSlash: true, to: &output)
                } else {
                    SigV4URIEncoding.appendEncoded(raw, keepingSlash: true, to: &output)
                }
            } else {
                // S3: decode what is already encoded, then encode once, which is
                // the identity for a correctly encoded path.
                var decoded: [UInt8] = []
                decoded.reserveCapacity(raw.count)
                let normalized = options.normalizesPath ? SigV4URIEncoding.normalizedPath(raw) : Array(raw)
                SigV4URIEncoding.appendDecoded(normalized, to: &decoded)
                SigV4URIEncoding.appendEncoded(decoded, keepingSlash: true, to: &output)
            }
            return output
        }
    }

    /// The canonical query string: each name and value decoded and
    /// re-encoded, sorted by encoded name then value, joined with `&`.
    /// `added` pairs (presigning's X-Amz-*) are raw and encoded here.
    static func query(_ query: String, adding added: [(name: String, value: String)] = []) -> [UInt8] {
        if query.isEmpty && added.isEmpty { return [] }
        var pairs: [(name: [UInt8], value: [UInt8])] = []
        pairs.reserveCapacity(added.count + 4)
        for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let value = equals == pair.endIndex ? pair[equals...] : pair[pair.index(after: equals)...]
            pairs.append((reencoded(pair[..<equals]), reencoded(value)))
        }
        for (name, value) in added {
            var encodedName: [UInt8] = []
            SigV4URIEncoding.appendEncoded(name.utf8, to: &encodedName)
            var encodedValue: [UInt8] = []
            SigV4URIEncoding.appendEncoded(value.utf8, to: &encodedValue)
            pairs.append((encodedName, encodedValue))
        }
        pairs.sort { lhs, rhs in
            lhs.name == rhs.name ? lhs.value.lexicographicallyPrecedes(rhs.value) : lhs.name.lexicographicallyPrecedes(rhs.name)
        }
        var output: [UInt8] = []
        output.reserveCapacity(query.utf8.count + 256)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            output.append(contentsOf: pair.name)
            output.append(UInt8(ascii: "="))
            output.append(contentsOf: pair.value)
        }
        return output
    }

    private static func reencoded(_ component: Substring.UTF8View) -> [UInt8] {
        // Fast path: already canonical (unreserved bytes only).
        if component.allSatisfy(SigV4URIEncoding.isUnreserved) { return Array(component) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(component.count)
        SigV4URIEncoding.appendDecoded(component, to: &decoded)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(decoded.count * 3)
        SigV4URIEncoding.appendEncoded(decoded, to: &encoded)
        return encoded
    }
}
