/// An agent's name: `^[a-z][a-z0-9-]{1,62}$` (2-63 characters, a lower-case
/// letter first), which also makes it a valid DNS label prefix and a safe key part.
public struct AgentName: ValidatedString {
    public static let defaultField = "agentName"
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.count <= 63, ASCII.isLower(bytes[0]),
              bytes.allSatisfy({ ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") })
        else {
            throw ValidationError(field: field, code: .invalidFormat, message:
                "must be 2-63 lower-case letters, digits or hyphens, starting with a letter")
        }
        rawValue = text
    }
}
