import FoundationEssentials

/// The platform's timestamp format: ISO-8601 UTC with milliseconds and `Z`.
enum Timestamp {
    static func string(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
