import CivilTime
import FoundationEssentials

/// The platform's one timestamp format: ISO-8601 UTC with milliseconds and
/// `Z` (`2026-11-25T12:34:56.789Z`), written and read without a locale,
/// calendar or time zone database.
///
/// Dates are rounded to the nearest millisecond. Years 0000-9999 are
/// representable; `string(from:)` clamps anything outside to those bounds, so
/// callers that must refuse such dates check `isRepresentable(_:)` first (the
/// item encoder does).
public enum DynamoDBItemTimestamp {
    static let millisecondsPerDay: Int64 = 86_400_000
    // Days from 1970-01-01 to 0000-01-01 and to 9999-12-31 (proleptic Gregorian).
    static let earliestMilliseconds: Int64 = -719_528 * millisecondsPerDay
    static let latestMilliseconds: Int64 = 2_932_896 * millisecondsPerDay + millisecondsPerDay - 1

    /// Whether `date` lies within years 0000-9999 and can be written exactly.
    public static func isRepresentable(_ date: Date) -> Bool {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        return milliseconds >= Double(earliestMilliseconds) && milliseconds <= Double(latestMilliseconds)
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SS.sssZ`.
    public static func string(from date: Date) -> String {
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        let milliseconds: Int64
        if raw.isNaN || raw < Double(earliestMilliseconds) {
            milliseconds = earliestMilliseconds
        } else if raw > Double(latestMilliseconds) {
            milliseconds = latestMilliseconds
        } else {
            milliseconds = Int64(raw)
        }
        let days = CivilDate.floorDivide(milliseconds, millisecondsPerDay)
        let ofDay = milliseconds - days * millisecondsPerDay
        let (year, month, day) = CivilDate.civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(ofDay / 3_600_000, 2)):\(pad(ofDay / 60_000 % 60, 2)):\(pad(ofDay / 1000 % 60, 2))"
            + ".\(pad(ofDay % 1000, 3))Z"
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SS.sssZ`; any other shape, offset or
    /// out-of-range field gives `nil`.
    public static func date(from string: String) -> Date? {
        let bytes = Array(string.utf8)
        guard bytes.count == 24,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
              bytes[23] == UInt8(ascii: "Z"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
              let second = number(bytes, 17, 2), let millisecond = number(bytes, 20, 3),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilDate.days(fromCivil: year, month, day)
        let total = days * millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        var value: Int64 = 0
        for byte in bytes[start..<start + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }


    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

}
