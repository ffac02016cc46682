/// A 12-digit AWS account id (`^[0-9]{12}$`).
public struct AccountID: ValidatedString {
    public static let defaultField = "accountId"
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        guard text.utf8.count == 12, ASCII.all(text, ASCII.isDigit) else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must be exactly 12 digits")
        }
        rawValue = text
    }
}
