import CivilTime
import FoundationEssentials

/// The UTC day being billed, `YYYY-MM-DD`.
struct BillingDay: Equatable, Hashable, Sendable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1970, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // A real calendar day survives the round trip through days-since-epoch (no 30 February).
        let normalised = BillingDay(daysSinceEpoch: Int(CivilDate.days(fromCivil: Int64(year), Int64(month), Int64(day))))
        guard normalised.year == year, normalised.month == month, normalised.day == day else { return nil }
        self = normalised
    }

    init(daysSinceEpoch: Int) {
        let civil = CivilDate.civil(fromDays: Int64(daysSinceEpoch))
        year = Int(civil.year)
        month = Int(civil.month)
        day = Int(civil.day)
    }

    /// The UTC day before `now`'s: what the daily schedule bills by default.
    static func yesterday(before now: Date) -> BillingDay {
        BillingDay(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)) - 1)
    }

    var description: String { "\(yearMonth)-\(Self.twoDigits(day))" }

    /// `YYYY-MM`, the billing summary's month.
    var yearMonth: String { "\(year)-\(Self.twoDigits(month))" }

    /// Inclusive SK bounds of the day's INVOCATION records (`INV#{timestamp}#{id}`, timestamps
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`); `~` sorts after every character a timestamp or id uses.
    var invocationKeyRange: (lower: String, upper: String) {
        ("INV#\(description)T", "INV#\(description)T~")
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
