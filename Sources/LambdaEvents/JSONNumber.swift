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

    /// The value as an integer when the literal is one (no fraction or exponent) and fits.
    public var intValue: Int? { Int(literal) }

    public var description: String { literal }
}
