import AWSCore

/// Stored as a DynamoDB number written from the exact decimal text, so readers that
/// decode it as a `Double` (DataAccess's `BillingSummary`) see the same amount.
extension MicroUSD: Codable {
    struct NotExact: Error, CustomStringConvertible {
        var description: String { "a billing amount is not a non-negative number with at most 6 decimal places" }
    }

    init(from decoder: any Decoder) throws {
        guard case .n(let text) = try decoder.singleValueContainer().decode(AttributeValue.self),
              let amount = MicroUSD(decimal: text)
        else { throw NotExact() }
        self = amount
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(AttributeValue.n(decimalString))
    }
}
