/// Writes chunked transfer coding (RFC 9112 section 7.1).
package enum ChunkedEncoding {
    /// One chunk: hex size, CRLF, data, CRLF. Empty data yields no bytes,
    /// because a zero-size chunk would end the body.
    package static func chunk(_ data: some Collection<UInt8>) -> [UInt8] {
        guard !data.isEmpty else { return [] }
        var out = Array(String(data.count, radix: 16).utf8)
        out.reserveCapacity(out.count + data.count + 4)
        out += [13, 10]
        out += data
        out += [13, 10]
        return out
    }

    /// The last chunk plus optional trailer fields and the final CRLF.
    package static func end(trailers: HTTPFields = HTTPFields()) -> [UInt8] {
        var text = "0\r\n"
        for field in trailers { text += "\(field.name): \(field.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }
}
