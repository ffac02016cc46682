/// Task 1 of SigV4: the canonical request, kept as bytes because it is only
/// ever hashed (and compared in tests).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#create-canonical-request
struct SigV4CanonicalRequest: Sendable {
    /// `METHOD \n URI \n QUERY \n HEADERS \n SIGNED-HEADERS \n PAYLOAD-HASH`.
    let bytes: [UInt8]
    /// Lowercase header names joined with `;`, as they go in the Authorization header.
    let signedHeaders: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `addedQuery` pairs (presigning's X-Amz-*) are raw and encoded here.
    init(
        method: String, path: String, query: String, addedQuery: [(name: String, value: String)] = [],
        headers: SigV4CanonicalHeaders, payloadHash: String, options: SigV4Options
    ) {
        var output = SigV4ByteWriter(
            capacity: 16 + method.utf8.count + 3 * path.utf8.count + 4 * query.utf8.count + addedQuery.count * 96
                + headers.lines.count + headers.signedHeaders.count + payloadHash.utf8.count
        )
        output.write(method)
        output.write(UInt8(ascii: "\n"))
        Self.writeURI(path: path, options: options, to: &output)
        output.write(UInt8(ascii: "\n"))
        Self.writeQuery(query, adding: addedQuery, to: &output)
        output.write(UInt8(ascii: "\n"))
        output.write(headers.lines)
        output.write(UInt8(ascii: "\n"))
        output.write(headers.signedHeaders)
        output.write(UInt8(ascii: "\n"))
        output.write(payloadHash)
        bytes = output.array
        signedHeaders = headers.signedHeaders
    }

    /// The canonical URI.
    ///
    /// Every service but S3: remove dot and empty segments, then encode the
    /// wire path again (so `%20` is signed as `%2520`: "double encoding").
    /// S3: no normalisation, and the path is encoded exactly once, so an
    /// already encoded key is signed as sent.
    static func writeURI(path: String, options: SigV4Options, to output: inout SigV4ByteWriter) {
        var path = path
        path.withUTF8 { raw in
            if options.encodesPathTwice {
                if options.normalizesPath && SigV4URIEncoding.needsNormalization(raw) {
                    SigV4URIEncoding.normalizedPath(raw).withUnsafeBufferPointer {
                        SigV4URIEncoding.writeEncoded($0, keepingSlash: true, to: &output)
                    }
                } else {
                    SigV4URIEncoding.writeEncoded(raw, keepingSlash: true, to: &output)
                }
            } else {
                // S3: decode what is already encoded, then encode once, which is
                // the identity for a correctly encoded path.
                var decoded: [UInt8] = []
                decoded.reserveCapacity(raw.count)
                SigV4URIEncoding.appendDecoded(options.normalizesPath ? SigV4URIEncoding.normalizedPath(raw) : Array(raw), to: &decoded)
                decoded.withUnsafeBufferPointer { SigV4URIEncoding.writeEncoded($0, keepingSlash: true, to: &output) }
            }
        }
    }

    /// The canonical query string: each name and value decoded and
    /// re-encoded, sorted by encoded name then value, joined with `&`.
    static func writeQuery(_ query: String, adding added: [(name: String, value: String)], to output: inout SigV4ByteWriter) {
        if query.isEmpty && added.isEmpty { return }
        // Every encoded name and value goes into one scratch buffer; pairs are spans of it.
        var encoded = SigV4ByteWriter(capacity: 3 * query.utf8.count + added.count * 96)
        var pairs: [(name: Range<Int>, value: Range<Int>)] = []
        var query = query
        query.withUTF8 { bytes in
            var pairStart = 0
            while pairStart < bytes.count {
                var pairEnd = pairStart
                while pairEnd < bytes.count && bytes[pairEnd] != UInt8(ascii: "&") { pairEnd += 1 }
                if pairEnd > pairStart {
                    var equals = pairStart
                    while equals < pairEnd && bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                    let name = reencode(UnsafeBufferPointer(rebasing: bytes[pairStart..<equals]), into: &encoded)
                    let value = reencode(UnsafeBufferPointer(rebasing: bytes[min(equals + 1, pairEnd)..<pairEnd]), into: &encoded)
                    pairs.append((name, value))
                }
                pairStart = pairEnd + 1
            }
        }
        for (name, value) in added {
            let nameStart = encoded.count
            SigV4URIEncoding.writeEncoded(name, to: &encoded)
            let valueStart = encoded.count
            SigV4URIEncoding.writeEncoded(value, to: &encoded)
            pairs.append((nameStart..<valueStart, valueStart..<encoded.count))
        }
        let scratch = encoded.bytes
        pairs.sort { lhs, rhs in
            let order = scratch.compareBytes(lhs.name, rhs.name)
            return order == 0 ? scratch.compareBytes(lhs.value, rhs.value) < 0 : order < 0
        }
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.write(UInt8(ascii: "&")) }
            output.write(UnsafeBufferPointer(rebasing: scratch[pair.name]))
            output.write(UInt8(ascii: "="))
            output.write(UnsafeBufferPointer(rebasing: scratch[pair.value]))
        }
    }

    /// Writes the canonical encoding of one query component (decode `%XX`,
    /// encode everything but unreserved bytes) and returns its span.
    private static func reencode(_ component: UnsafeBufferPointer<UInt8>, into encoded: inout SigV4ByteWriter) -> Range<Int> {
        let start = encoded.count
        var index = 0
        while index < component.count {
            var byte = component[index]
            index += 1
            if byte == UInt8(ascii: "%"), index + 1 < component.count,
               let high = SigV4URIEncoding.hexValue(component[index]), let low = SigV4URIEncoding.hexValue(component[index + 1]) {
                byte = high << 4 | low
                index += 2
            }
            if SigV4URIEncoding.isUnreserved(byte) {
                encoded.write(byte)
            } else {
                SigV4URIEncoding.writeEscaped(byte, to: &encoded)
            }
        }
        return start..<encoded.count
    }
}
