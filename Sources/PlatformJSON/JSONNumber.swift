/// A JSON number kept as its literal text, so it is written back exactly as read
/// (no rounding through `Double`, no `1.0` turning into `1`).
public struct JSONNumber: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The number as written in the document; always valid JSON number syntax.
    public let literal: String

    /// Wraps literal text the parser has already validated.
    init(validatedLiteral: String) {
        literal = validatedLiteral
    }

    public init(_ value: Int) {
        literal = String(value)
    }

    /// A finite `Double`; nil for NaN and infinities, which JSON cannot carry.
    /// Integral values within `Int` are written as integers (`3`, not `3.0`),
    /// as JSONEncoder writes them, so a Codable round trip compares equal.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if let integer = Int(exactly: value) {
            literal = String(integer)
        } else {
            literal = value.description
        }
    }

    /// The value as an integer when the literal is one (no fraction or exponent) and fits.
    public var intValue: Int? { Int(literal) }

    /// The value as the nearest `Double` (an out-of-range literal such as `1e999` is infinite).
    public var doubleValue: Double { Double(literal) ?? .nan }

    public var description: String { literal }
}
