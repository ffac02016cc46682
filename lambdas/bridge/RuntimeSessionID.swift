import FoundationEssentials

/// AgentCore Runtime session ids: 33-256 characters,
/// `^[A-Za-z0-9][A-Za-z0-9_-]*$` (docs/openapi.yaml `SessionId`).
enum RuntimeSessionID {
    static let rule = "must be 33-256 letters, digits, underscores or hyphens, starting with a letter or digit"

    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (33...256).contains(bytes.count), isAlphanumeric(bytes[0]) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// A fresh id: a random UUID plus a suffix, 41 characters.
    static func generate(_ uuid: UUID) -> String {
        uuid.uuidString.lowercased() + "-session"
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
