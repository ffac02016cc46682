import FoundationEssentials

/// Whole seconds since 1970, stored as `N`: the form DynamoDB TTL attributes
/// (and the lock's `expiresAt`) need. Everything else uses ISO-8601 strings.
public struct EpochSeconds: Codable, Hashable, Comparable, Sendable {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// `date`, rounded down to the second; a date beyond `Int64` seconds (or
    /// NaN) clamps to the nearest bound (0 for NaN) instead of trapping.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        rawValue = seconds.isNaN ? 0 : Int64(exactly: seconds) ?? (seconds < 0 ? .min : .max)
    }

    public var date: Date { Date(timeIntervalSince1970: Double(rawValue)) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: EpochSeconds, rhs: EpochSeconds) -> Bool { lhs.rawValue < rhs.rawValue }
}
