import AWSCore
import FoundationEssentials

/// A calendar month in UTC, `YYYY-MM`: the billing period of a
/// `BILLING#{YYYY-MM}` row.
public struct YearMonth: ValidatedString, Comparable {
    public static let defaultField = "yearMonth"
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        guard text.utf8.count == 7, DynamoDBItemTimestamp.date(from: text + "-01T00:00:00.000Z") != nil else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must be a month as YYYY-MM")
        }
        rawValue = text
    }

    /// The UTC month containing `date`.
    public init(containing date: Date) {
        rawValue = String(DynamoDBItemTimestamp.string(from: date).prefix(7))
    }

    /// The UTC day of `date` as `YYYY-MM-DD`, the key of a daily total.
    public static func day(of date: Date) -> String {
        String(DynamoDBItemTimestamp.string(from: date).prefix(10))
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.rawValue < rhs.rawValue }
}
