import FoundationEssentials

/// The head of a streamed HTTP-integration response: JSON `{statusCode,
/// headers, cookies}`, then eight NUL bytes, then the body.
/// https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html
struct StreamingPrelude: Equatable {
    var statusCode: Int
    var headers: [(String, String)]
    var cookies: [String]

    static func == (lhs: StreamingPrelude, rhs: StreamingPrelude) -> Bool {
        lhs.statusCode == rhs.statusCode && lhs.cookies == rhs.cookies
            && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
    }

    static let contentType = "application/vnd.awslambda.http-integration-response"
    static let separatorLength = 8
    /// A prelude larger than this is a broken function, not a big header set.
    static let maxLength = 64 * 1024

    enum Failure: Error, Equatable { case tooLong, invalid }

    /// Accumulates stream bytes until the separator; then the prelude and whatever body bytes followed it.
    struct Reader {
        private var buffer: [UInt8] = []

        mutating func feed(_ bytes: [UInt8]) throws(Failure) -> (prelude: StreamingPrelude, rest: [UInt8])? {
            let searchStart = max(0, buffer.count - (separatorLength - 1))
            buffer.append(contentsOf: bytes)
            guard let end = Self.separator(in: buffer, from: searchStart) else {
                if buffer.count > maxLength { throw .tooLong }
                return nil
            }
            let prelude = try StreamingPrelude.parse(Array(buffer[..<end]))
            return (prelude, Array(buffer[(end + separatorLength)...]))
        }

        private static func separator(in bytes: [UInt8], from start: Int) -> Int? {
            var run = 0
            var index = start
            while index < bytes.count {
                run = bytes[index] == 0 ? run + 1 : 0
                if run == separatorLength { return index - separatorLength + 1 }
                index += 1
            }
            return nil
        }
    }

    static func parse(_ json: [UInt8]) throws(Failure) -> StreamingPrelude {
        struct Document: Decodable {
            var statusCode: Int?
            var headers: [String: String]?
            var multiValueHeaders: [String: [String]]?
            var cookies: [String]?
        }
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(json)) else { throw .invalid }
        let status = document.statusCode ?? 200
        guard (100...599).contains(status) else { throw .invalid }
        return StreamingPrelude(
            statusCode: status, headers: ProxyResponseMapper.headers(document.headers, document.multiValueHeaders),
            cookies: document.cookies ?? []
        )
    }
}
