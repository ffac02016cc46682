/// A tenant identifier: `^[a-z](?:[a-z0-9-]{1,30}[a-z0-9])$` (3-32 characters),
/// no `--`, not one of the reserved names `platform admin root system stub`.
///
/// `platform` is the operator tenant: it exists, so ``init(validating:)``
/// accepts it, but it is never creatable (``init(creating:)``, ``isCreatable``).
/// Input is not case-folded: an upper-case id is rejected, not lower-cased.
public struct TenantID: ValidatedString {
    public static let defaultField = "tenantId"
    static let reserved: Set<String> = ["platform", "admin", "root", "system", "stub"]

    /// The internal operator tenant.
    public static let platform = TenantID(rawValue: "platform")

    public let rawValue: String

    private init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(validating text: String, field: String) throws(ValidationError) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 32, ASCII.isLower(bytes[0]),
              ASCII.isLowerOrDigit(bytes[bytes.count - 1]),
              bytes.allSatisfy({ ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") }),
              text.firstRange(of: "--") == nil
        else {
            throw ValidationError(field: field, code: .invalidFormat, message:
                "must be 3-32 lower-case letters, digits or single hyphens, starting with a letter and ending with a letter or digit")
        }
        guard text == Self.platform.rawValue || !Self.reserved.contains(text) else {
            throw ValidationError(field: field, code: .reserved, message: "is a reserved name")
        }
        rawValue = text
    }

    /// Validates an id for a new tenant: every rule, and not `platform`.
    public init(creating text: String, field: String = "tenantId") throws(ValidationError) {
        try self.init(validating: text, field: field)
        guard isCreatable else {
            throw ValidationError(field: field, code: .reserved, message: "is a reserved name")
        }
    }

    /// Whether a tenant with this id may be created through the API.
    public var isCreatable: Bool { !Self.reserved.contains(rawValue) }
}
