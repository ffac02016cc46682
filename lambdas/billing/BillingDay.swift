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
              year >= 1970, (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC day before `now`'s: what the daily schedule bills by default.
    static func yesterday(before now: Date) -> BillingDay {
        let daysSinceEpoch = Int((now.timeIntervalSince1970 / 86_400).rounded(.down)) - 1
        return BillingDay(daysSinceEpoch: daysSinceEpoch)
    }

    /// Civil date from days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
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

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
