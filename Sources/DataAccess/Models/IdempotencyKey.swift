/// A client's `Idempotency-Key` (or the interceptor's session + JSON-RPC id):
/// 1-255 printable ASCII characters without spaces.
public struct IdempotencyKey: ValidatedString {
    public static let defaultField = "Idempotency-Key"
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        guard text.utf8.count <= 255, ASCII.all(text, { $0 > 0x20 && $0 < 0x7F }) else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must be 1-255 printable ASCII characters without spaces")
        }
        rawValue = text
    }
}
