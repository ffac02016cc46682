import FoundationEssentials

/// A client's runtime session handle (`SESSION#{sessionId}`, the INVOCATION
/// record's `sessionId`).
///
/// Stored values are 1-256 characters of `A-Z a-z 0-9 _ -`, so every handle
/// the contract accepts is recordable (ADR 0027). What a client may send is
/// stricter, ``init(clientHandle:field:)``. It is only the client's handle:
/// the id sent to AgentCore is derived from it and the tenant (ADR 0026).
public struct SessionID: ValidatedString {
    public static let defaultField = "sessionId"
    /// The contract's rule (docs/openapi.yaml `SessionId`, AgentCore's limits).
    public static let clientRule = "must be 33-256 letters, digits, underscores or hyphens, starting with a letter or digit"
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        guard text.utf8.count <= 256, ASCII.all(text, Self.isHandleByte) else {
            throw ValidationError(field: field, code: .invalidFormat, message:
                "must be 1-256 letters, digits, underscores or hyphens")
        }
        rawValue = text
    }

    /// A handle as a client may send it: 33-256 characters, starting with a letter or digit.
    public init(clientHandle text: String, field: String = defaultField) throws(ValidationError) {
        guard (33...256).contains(text.utf8.count), let first = text.utf8.first, ASCII.isAlphanumeric(first),
              text.utf8.allSatisfy(Self.isHandleByte)
        else {
            throw ValidationError(field: field, code: .invalidFormat, message: Self.clientRule)
        }
        rawValue = text
    }

    /// A new handle for a caller that gave none: a (caller-generated) UUID,
    /// lower-cased, plus a suffix (41 characters, a valid client handle).
    public init(_ uuid: UUID) {
        rawValue = uuid.uuidString.lowercased() + "-session"
    }

    private static func isHandleByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
