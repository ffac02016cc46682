/// An e-mail address, checked simply and stored lower-cased: at most 254
/// characters; a local part of 1-64 characters from `A-Z a-z 0-9 . _ % + -`
/// (no leading, trailing or double dot); `@`; a domain of at least two
/// dot-separated labels of letters, digits and inner hyphens, the last one
/// letters only (2+). Quoted local parts and IP-literal domains are refused.
public struct EmailAddress: ValidatedString {
    public static let defaultField = "email"
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2,
              Self.isLocalPart(parts[0]), Self.isDomain(parts[1])
        else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must be an e-mail address such as name@example.com")
        }
        rawValue = text.lowercased()
    }

    private static func isLocalPart(_ local: Substring) -> Bool {
        let allowed: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-")]
        return local.utf8.count <= 64
            && ASCII.all(local) { ASCII.isAlphanumeric($0) || allowed.contains($0) }
            && local.first != "." && local.last != "." && local.firstRange(of: "..") == nil
    }

    private static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let last = labels[labels.count - 1]
        return labels.count >= 2
            && labels.allSatisfy { label in
                label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                    && ASCII.all(label) { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            }
            && last.utf8.count >= 2 && ASCII.all(last, ASCII.isLetter)
    }
}
