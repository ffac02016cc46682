import FoundationEssentials

/// Decodes a DynamoDB item (`[String: AttributeValue]`) into a `Decodable` value.
///
/// The inverse of ``DynamoDBItemEncoder``. Numbers are read exactly: an
/// integer type refuses a fraction or a value it cannot hold. A `Date` must be
/// an ``DynamoDBItemTimestamp`` string. A missing attribute or `NULL` decodes as
/// `nil` for an optional; for anything else a missing attribute is
/// `DecodingError.keyNotFound`. Errors carry the coding path and name the
/// attribute in their description, never its content.
public struct DynamoDBItemDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from item: [String: AttributeValue]) throws -> T {
        try DynamoDBItemDecoding.decode(type, from: .m(item), codingPath: [])
    }
}
