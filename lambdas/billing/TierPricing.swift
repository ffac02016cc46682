import FoundationEssentials

/// A tier's prices (`/platform/billing/pricing/{tier}`: `{"input_1k": n, "output_1k": n}`,
/// USD per 1,000 tokens), held exactly in micro-dollars.
struct TierPricing: Equatable, Sendable {
    var inputPer1k: MicroUSD
    var outputPer1k: MicroUSD

    private struct Document: Decodable {
        // Decimal keeps the JSON number's digits exactly; Double would not.
        var inputPer1k: Decimal
        var outputPer1k: Decimal

        enum CodingKeys: String, CodingKey {
            case inputPer1k = "input_1k", outputPer1k = "output_1k"
        }
    }

    init(inputPer1k: MicroUSD, outputPer1k: MicroUSD) {
        self.inputPer1k = inputPer1k
        self.outputPer1k = outputPer1k
    }

    init(json: String, tier: String) throws(BillingError) {
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(json.utf8)) else {
            throw .invalidPricing(tier: tier, reason: "expected {\"input_1k\": number, \"output_1k\": number}")
        }
        guard let input = MicroUSD(decimal: document.inputPer1k.description),
              let output = MicroUSD(decimal: document.outputPer1k.description)
        else {
            throw .invalidPricing(tier: tier, reason: "prices must be non-negative with at most 6 decimal places")
        }
        self.init(inputPer1k: input, outputPer1k: output)
    }

    /// The cost of a day's tokens. `tokens × micro-dollars per 1,000 tokens` is exact in
    /// nano-dollars; the day's total is rounded half-up to a micro-dollar once, so a
    /// tenant's month differs from exact by at most half a micro-dollar per day.
    func cost(of usage: TokenUsage) throws(BillingError) -> MicroUSD {
        let (input, overflowA) = usage.inputTokens.multipliedReportingOverflow(by: inputPer1k.value)
        let (output, overflowB) = usage.outputTokens.multipliedReportingOverflow(by: outputPer1k.value)
        let (nano, overflowC) = input.addingReportingOverflow(output)
        guard !overflowA, !overflowB, !overflowC, nano <= Int64.max - 500 else { throw .arithmeticOverflow }
        return MicroUSD((nano + 500) / 1000)
    }
}
