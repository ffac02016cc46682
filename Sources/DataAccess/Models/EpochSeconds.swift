import FoundationEssentials

/// Whole seconds since 1970, stored as `N`: the form DynamoDB TTL attributes
/// (and the lock's `expiresAt`) need. Everything else uses ISO-8601 strings.
public struct EpochSeconds: Codable, Hashable, Comparable, Sendable {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// `date`, rounded down to the second.
    public init(_ date: Date) {
        rawValue = Int64(date.timeIntervalSince1970.rounded(.down))
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
