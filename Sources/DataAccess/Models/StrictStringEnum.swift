import AWSCore

/// A string enum read strictly: an unknown value is an error naming the
/// attribute and the allowed values, never a default.
public protocol StrictStringEnum: RawRepresentable<String>, CaseIterable, Codable, Sendable {}

extension StrictStringEnum {
    /// The allowed values, `|`-separated, for messages.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// Parses a request field, naming `field` in the error.
    public static func parse(_ text: String, field: String) throws(ValidationError) -> Self {
        guard let value = Self(rawValue: text) else {
            throw ValidationError(field: field, code: .unknownValue, message: "must be one of \(allowedValues)")
        }
        return value
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let field = DynamoDBItemCodingPath.describe(decoder.codingPath)
        do {
            self = try Self.parse(text, field: field)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "attribute '\(field)' \(error.message)"
            ))
        }
    }
}
