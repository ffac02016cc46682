/// A version per Semantic Versioning 2.0.0 (https://semver.org):
/// `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, numeric parts without leading
/// zeros. Ordering follows spec section 11; build metadata is kept in the
/// text but ignored for ordering and equality, so `1.0.0+a == 1.0.0+b` and
/// both share the key `VERSION#1.0.0` (see ``precedenceText``).
public struct SemanticVersion: ValidatedString, Comparable {
    public static let defaultField = "version"

    public let major: Int
    public let minor: Int
    public let patch: Int
    public let prerelease: [String]
    public let buildMetadata: [String]
    /// The text as given, build metadata included.
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        let invalid = ValidationError(field: field, code: .invalidFormat, message:
            "must be a semantic version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] without leading zeros")
        guard text.utf8.count <= 128 else { throw invalid }
        let plus = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        let dash = plus[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let core = dash[0].split(separator: ".", omittingEmptySubsequences: false)
        let prerelease = dash.count == 2 ? dash[1].split(separator: ".", omittingEmptySubsequences: false) : []
        let build = plus.count == 2 ? plus[1].split(separator: ".", omittingEmptySubsequences: false) : []
        guard core.count == 3, core.allSatisfy(Self.isNumeric),
              let major = Int(core[0]), let minor = Int(core[1]), let patch = Int(core[2]),
              dash.count == 1 || !prerelease.isEmpty, plus.count == 1 || !build.isEmpty,
              prerelease.allSatisfy({ Self.isIdentifier($0) && (!ASCII.all($0, ASCII.isDigit) || Self.isNumeric($0)) }),
              build.allSatisfy(Self.isIdentifier)
        else { throw invalid }
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease.map(String.init)
        buildMetadata = build.map(String.init)
        rawValue = text
    }

    /// Digits without a leading zero (a lone `0` is fine).
    private static func isNumeric(_ part: Substring) -> Bool {
        ASCII.all(part, ASCII.isDigit) && (part == "0" || part.first != "0")
    }

    private static func isIdentifier(_ part: Substring) -> Bool {
        ASCII.all(part) { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// The version without build metadata: what ordering and keys use.
    public var precedenceText: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: "."))
    }

    public var isPrerelease: Bool { !prerelease.isEmpty }

    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        lhs.precedenceText == rhs.precedenceText
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(precedenceText)
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        let left = [lhs.major, lhs.minor, lhs.patch], right = [rhs.major, rhs.minor, rhs.patch]
        if left != right { return left.lexicographicallyPrecedes(right) }
        // A pre-release ranks below its release; otherwise compare identifiers in order.
        if lhs.prerelease.isEmpty || rhs.prerelease.isEmpty { return !lhs.prerelease.isEmpty && rhs.prerelease.isEmpty }
        for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
            return identifier(a, precedes: b)
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }

    /// Spec 11.4: numeric identifiers compare numerically and rank below
    /// alphanumeric ones, which compare in ASCII order.
    private static func identifier(_ a: String, precedes b: String) -> Bool {
        switch (ASCII.all(a, ASCII.isDigit), ASCII.all(b, ASCII.isDigit)) {
        case (true, true): return a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
        case (true, false): return true
        case (false, true): return false
        case (false, false): return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
    }
}
