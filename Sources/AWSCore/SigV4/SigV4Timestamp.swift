import CivilTime
import FoundationEssentials

/// The request time in SigV4's two spellings: `20150830T123600Z` (x-amz-date)
/// and `20150830` (the credential scope date).
///
/// Formatting is plain civil-calendar arithmetic in UTC, so no formatter or
/// time-zone database is involved. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html
struct SigV4Timestamp: Sendable, Equatable {
    /// `YYYYMMDD'T'HHMMSS'Z'`.
    let amzDate: String
    /// `YYYYMMDD`.
    var dateStamp: Substring { amzDate.prefix(8) }
    /// Whole seconds since 1970, the precision x-amz-date carries.
    let secondsSince1970: Int64

    init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        secondsSince1970 = seconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.civil(fromDays: days)
        amzDate = String(unsafeUninitializedCapacity: 16) { digits in
            Self.write(year, width: 4, at: 0, in: digits)
            Self.write(month, width: 2, at: 4, in: digits)
            Self.write(day, width: 2, at: 6, in: digits)
            digits[8] = UInt8(ascii: "T")
            Self.write(secondOfDay / 3600, width: 2, at: 9, in: digits)
            Self.write(secondOfDay / 60 % 60, width: 2, at: 11, in: digits)
            Self.write(secondOfDay % 60, width: 2, at: 13, in: digits)
            digits[15] = UInt8(ascii: "Z")
            return 16
        }
    }

    /// Parses `YYYYMMDD'T'HHMMSS'Z'`; nil for any other shape or an impossible date.
    init?(amzDate text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilDate.days(fromCivil: year, month, day)
        // Reject dates like 20150231 that arithmetic would roll into March.
        guard CivilDate.civil(fromDays: days) == (year, month, day) else { return nil }
        self.init(Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second)))
    }

    var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// Writes `value` as `width` decimal digits, zero-padded (and truncated to `width`).
    private static func write(_ value: Int64, width: Int, at offset: Int, in digits: UnsafeMutableBufferPointer<UInt8>) {
        var value = value
        for position in (offset..<(offset + width)).reversed() {
            digits[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: abs(value % 10))
            value /= 10
        }
    }

}
