/// An amount of US dollars in whole micro-dollars (1 USD = 1,000,000).
///
/// Money never goes through binary floating point: prices and budgets are parsed
/// from their decimal text straight into integers, costs are integer products,
/// and amounts are written back as exact decimal text (DynamoDB numbers and
/// JSON are decimal). See docs/decisions (billing money math).
struct MicroUSD: Hashable, Comparable, Sendable, CustomStringConvertible {
    static let perDollar: Int64 = 1_000_000

    var value: Int64

    init(_ value: Int64) {
        self.value = value
    }

    static let zero = MicroUSD(0)

    /// Parses a non-negative decimal (`12`, `0.0025`, `1e-05`, `1.5E+2`); nil when it is
    /// malformed, negative, finer than a micro-dollar, or too large.
    init?(decimal text: String) {
        guard let digits = DecimalText(text), !digits.isNegative,
              let micro = digits.scaled(byPowerOfTen: 6)
        else { return nil }
        value = micro
    }

    /// Exact decimal text without trailing zeros: `12.5`, `0.000001`, `3`.
    var decimalString: String {
        let whole = value / Self.perDollar
        var fraction = String(value % Self.perDollar)
        guard fraction != "0" else { return String(whole) }
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }

    /// For metrics only, which CloudWatch stores as doubles anyway.
    var dollars: Double { Double(value) / Double(Self.perDollar) }

    var description: String { "$\(decimalString)" }

    static func < (lhs: MicroUSD, rhs: MicroUSD) -> Bool { lhs.value < rhs.value }

    static func + (lhs: MicroUSD, rhs: MicroUSD) throws(BillingError) -> MicroUSD {
        let (sum, overflow) = lhs.value.addingReportingOverflow(rhs.value)
        guard !overflow else { throw BillingError.arithmeticOverflow }
        return MicroUSD(sum)
    }
}
