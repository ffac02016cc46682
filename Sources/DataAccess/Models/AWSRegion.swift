/// An AWS region name such as `eu-west-2` or `us-gov-west-1`: two lower-case
/// letters, one or more lower-case words, and a 1-2 digit number, joined by `-`.
/// The shape is checked, not membership of a region list (new regions appear).
public struct AWSRegion: ValidatedString {
    public static let defaultField = "region"
    public static let home = AWSRegion(rawValue: "eu-west-2")
    public static let defaultRuntime = AWSRegion(rawValue: "eu-west-1")
    public static let defaultFallback = AWSRegion(rawValue: "eu-central-1")

    public let rawValue: String

    private init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(validating text: String, field: String) throws(ValidationError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count <= 32, parts.count >= 3,
              parts[0].utf8.count == 2, ASCII.all(parts[0], ASCII.isLower),
              parts.dropFirst().dropLast().allSatisfy({ ASCII.all($0, ASCII.isLower) }),
              parts[parts.count - 1].utf8.count <= 2, ASCII.all(parts[parts.count - 1], ASCII.isDigit)
        else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must be an AWS region name such as eu-west-2")
        }
        rawValue = text
    }
}
