import AWSCore
import FoundationEssentials

/// The SigV4 query-string authentication parameters of a presigned S3 URL
/// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html),
/// and the query the signature covers (everything but `X-Amz-Signature`).
struct PresignedQuery: Equatable {
    /// Longest validity S3 accepts for a presigned URL: 7 days.
    static let maxExpires = 604_800

    var algorithm: String
    var credential: String
    var amzDate: String
    var expires: Int
    var signedHeaders: String
    var signature: String
    /// The raw query without the `X-Amz-Signature` parameter, as the signer signed it.
    var signedQuery: String

    /// nil when the query carries no `X-Amz-Signature` (not a presigned request).
    /// Throws when it does but a parameter is missing or malformed.
    init?(rawQuery: String) throws(S3FrontError) {
        var values: [String: String] = [:]
        var kept: [Substring] = []
        var signature: String?
        for pair in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let name = pair.prefix { $0 != "=" }
            let value = pair.dropFirst(name.count + (pair.count > name.count ? 1 : 0))
            guard let decoded = Self.percentDecoded(value) else { throw .malformed("a query parameter is not percent-encoded") }
            if name == "X-Amz-Signature" {
                guard signature == nil else { throw .malformed("X-Amz-Signature appears twice") }
                signature = decoded
            } else {
                if name.hasPrefix("X-Amz-") {
                    guard values[String(name)] == nil else { throw .malformed("\(name) appears twice") }
                    values[String(name)] = decoded
                }
                kept.append(pair)
            }
        }
        guard let signature else { return nil }
        guard let algorithm = values["X-Amz-Algorithm"], let credential = values["X-Amz-Credential"],
              let amzDate = values["X-Amz-Date"], let expiresText = values["X-Amz-Expires"],
              let signedHeaders = values["X-Amz-SignedHeaders"]
        else { throw .malformed("Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires and X-Amz-SignedHeaders parameters") }
        guard let expires = Int(expiresText), (1...Self.maxExpires).contains(expires) else {
            throw .malformed("X-Amz-Expires must be between 1 and 604800 seconds")
        }
        self.algorithm = algorithm
        self.credential = credential
        self.amzDate = amzDate
        self.expires = expires
        self.signedHeaders = signedHeaders
        self.signature = signature
        signedQuery = kept.joined(separator: "&")
    }

    /// The equivalent `Authorization` header value, so the header verifier checks it.
    var authorizationHeader: String {
        "\(algorithm) Credential=\(credential), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    /// `X-Amz-Date` (`yyyyMMdd'T'HHmmss'Z'`) as a date, or nil when malformed.
    var date: Date? {
        let bytes = Array(amzDate.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        let digits = bytes[0..<8] + bytes[9..<15]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        func part(_ from: Int, _ length: Int) -> Substring {
            let start = text.index(text.startIndex, offsetBy: from)
            return text[start..<text.index(start, offsetBy: length)]
        }
        return DynamoDBItemTimestamp.date(from: "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(9, 2)):\(part(11, 2)):\(part(13, 2)).000Z")
    }

    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
