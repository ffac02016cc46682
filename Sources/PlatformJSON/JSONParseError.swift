/// Why a document is not acceptable JSON. Carries a byte offset, never document content.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case tooLarge = "document exceeds the size limit"
        case tooDeep = "document nests deeper than the depth limit"
        case unexpectedEnd = "document ends early"
        case unexpectedByte = "unexpected byte"
        case invalidNumber = "invalid number"
        case invalidEscape = "invalid escape sequence"
        case invalidUnicode = "invalid UTF-8 or lone surrogate"
        case controlCharacter = "unescaped control character in string"
        case duplicateKey = "duplicate object key"
        case trailingData = "data after the document"
    }

    public var kind: Kind
    /// Byte offset where the problem was found.
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String { "invalid JSON: \(kind.rawValue) at byte \(offset)" }
}
