/// One invalid field of a request or record, with a stable code an API can
/// return in `details[]`. The message describes the rule, never the value.
public struct ValidationError: Error, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        case required = "REQUIRED"
        case invalidFormat = "INVALID_FORMAT"
        case tooLong = "TOO_LONG"
        case outOfRange = "OUT_OF_RANGE"
        case reserved = "RESERVED"
        case unknownValue = "UNKNOWN_VALUE"
        case notAllowed = "NOT_ALLOWED"
    }

    /// The attribute or request field, as the client spells it (`tenantId`).
    public let field: String
    public let code: Code
    /// The rule that failed, e.g. "must be one of basic|standard|premium".
    public let message: String

    public init(field: String, code: Code, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    static func required(_ field: String) -> ValidationError {
        ValidationError(field: field, code: .required, message: "is required")
    }

    /// Checks `text` is non-empty and at most `limit` characters.
    static func checkLength(_ text: String, field: String, limit: Int) throws(ValidationError) {
        guard !text.isEmpty else { throw required(field) }
        guard text.count <= limit else {
            throw ValidationError(field: field, code: .tooLong, message: "must be at most \(limit) characters")
        }
    }
}
