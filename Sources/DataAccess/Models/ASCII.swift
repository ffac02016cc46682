/// Byte classes for the hand-written validators (FoundationEssentials has no
/// regular-expression engine we want in a Lambda's hot path).
enum ASCII {
    static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isLetter(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    static func isLowerOrDigit(_ byte: UInt8) -> Bool { isLower(byte) || isDigit(byte) }

    /// Whether every byte of `text` satisfies `rule` (and `text` is not empty).
    static func all(_ text: some StringProtocol, _ rule: (UInt8) -> Bool) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(rule)
    }
}
