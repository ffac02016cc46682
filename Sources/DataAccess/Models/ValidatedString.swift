import AWSCore

/// A string newtype whose every value passed validation, also when decoded
/// from an item (a bad value is a decoding error naming the attribute).
public protocol ValidatedString: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The attribute name used in error messages when none is given.
    static var defaultField: String { get }
    var rawValue: String { get }
    init(validating text: String, field: String) throws(ValidationError)
}

extension ValidatedString {
    public init(validating text: String) throws(ValidationError) {
        try self.init(validating: text, field: Self.defaultField)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let field = DynamoDBItemCodingPath.describe(decoder.codingPath)
        do {
            try self.init(validating: text, field: field)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "attribute '\(field)' \(error.message)"
            ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
