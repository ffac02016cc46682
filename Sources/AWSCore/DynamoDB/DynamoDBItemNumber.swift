/// Exact conversions between DynamoDB `N` strings and Swift numbers.
///
/// DynamoDB numbers are decimal strings (up to 38 significant digits,
/// optionally with an exponent). Integers are read digit by digit, never
/// through `Double`, so `9007199254740993` survives the round trip.
enum DynamoDBItemNumber {
    enum Failure: Error, Equatable {
        case notANumber, notIntegral, outOfRange
    }

    /// The decimal `text` as `T`, exactly: fails on a fraction or overflow.
    static func integer<T: FixedWidthInteger>(_ text: String, as type: T.Type) throws(Failure) -> T {
        let parts = try decompose(text)
        // Shift the decimal point by the exponent, then require the fraction to be zero.
        var digits = parts.integer + parts.fraction
        let pointIndex = parts.integer.count + parts.exponent
        if pointIndex < 0 {
            guard digits.allSatisfy({ $0 == "0" }) else { throw .notIntegral }
            return 0
        }
        if pointIndex > digits.count {
            // Larger than any fixed-width integer once shifted this far.
            guard pointIndex - digits.count <= 40 else {
                if digits.allSatisfy({ $0 == "0" }) { return 0 }
                throw .outOfRange
            }
            digits += String(repeating: "0", count: pointIndex - digits.count)
        }
        let whole = digits.prefix(pointIndex)
        guard digits.dropFirst(pointIndex).allSatisfy({ $0 == "0" }) else { throw .notIntegral }
        let trimmed = whole.drop { $0 == "0" }
        if trimmed.isEmpty { return 0 }
        guard let value = T((parts.negative ? "-" : "") + trimmed) else { throw .outOfRange }
        return value
    }

    /// The decimal `text` as the nearest `T`; fails when it is not finite there.
    static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ text: String, as type: T.Type
    ) throws(Failure) -> T {
        _ = try decompose(text)
        guard let value = T(text) else { throw .notANumber }
        guard value.isFinite else { throw .outOfRange }
        return value
    }

    /// The `N` text for a floating-point value; `nil` for NaN and infinities,
    /// which DynamoDB cannot store.
    static func text<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) -> String? {
        value.isFinite ? value.description : nil
    }

    private struct Parts {
        var negative: Bool
        var integer: String
        var fraction: String
        var exponent: Int
    }

    /// Splits `-?digits(.digits)?([eE][+-]?digits)?`; anything else (hex,
    /// `nan`, `inf`, blanks, a bare `.5`) is `.notANumber`.
    private static func decompose(_ text: String) throws(Failure) -> Parts {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative || rest.first == "+" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integer.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
            guard !fraction.isEmpty else { throw .notANumber }
        }
        guard !integer.isEmpty else { throw .notANumber }
        var exponent = 0
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            let sign = rest.first == "-" ? -1 : 1
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            // DynamoDB's own range is 1E-130...1E+126; four digits are plenty.
            guard !digits.isEmpty, digits.count <= 4, let magnitude = Int(digits) else { throw .notANumber }
            exponent = sign * magnitude
        }
        guard rest.isEmpty else { throw .notANumber }
        return Parts(negative: negative, integer: String(integer), fraction: String(fraction), exponent: exponent)
    }
}
