import Testing
@testable import Billing

@Suite struct TierPricingTests {
    @Test func readsTheSSMDocumentExactly() throws {
        let pricing = try TierPricing(json: #"{"input_1k": 0.0025, "output_1k": 0.0125}"#, tier: "standard")
        #expect(pricing == TierPricing(inputPer1k: MicroUSD(2_500), outputPer1k: MicroUSD(12_500)))
    }

    @Test(arguments: [#"{"input_1k": 0.003}"#, #"{"input_1k": "0.003", "output_1k": 0.015}"#, "[]", "nope",
                      #"{"input_1k": -0.003, "output_1k": 0.015}"#, #"{"input_1k": 0.0000001, "output_1k": 0.015}"#])
    func rejectsUnusableDocuments(json: String) {
        #expect { try TierPricing(json: json, tier: "basic") } throws: { error in
            if case .invalidPricing(tier: "basic", _) = error as! BillingError { return true }
            return false
        }
    }

    @Test func costIsExactForWholeMicroDollars() throws {
        let basic = TierPricing(inputPer1k: MicroUSD(3_000), outputPer1k: MicroUSD(15_000))
        // 12,345 input × $0.003/1k + 6,789 output × $0.015/1k = $0.037035 + $0.101835
        #expect(try basic.cost(of: TokenUsage(inputTokens: 12_345, outputTokens: 6_789, invocations: 3)) == MicroUSD(138_870))
        #expect(try basic.cost(of: TokenUsage()) == .zero)
    }

    @Test func costRoundsHalfUpOncePerDay() throws {
        let standard = TierPricing(inputPer1k: MicroUSD(2_500), outputPer1k: MicroUSD(12_500))
        // 1 input token = 2.5 micro-dollars -> 3; 3 tokens = 7.5 -> 8; 1 input + 1 output = 15 exactly.
        #expect(try standard.cost(of: TokenUsage(inputTokens: 1, outputTokens: 0)) == MicroUSD(3))
        #expect(try standard.cost(of: TokenUsage(inputTokens: 3, outputTokens: 0)) == MicroUSD(8))
        #expect(try standard.cost(of: TokenUsage(inputTokens: 1, outputTokens: 1)) == MicroUSD(15))
        let premium = TierPricing(inputPer1k: MicroUSD(2_000), outputPer1k: MicroUSD(10_000))
        #expect(try premium.cost(of: TokenUsage(inputTokens: 1, outputTokens: 0)) == MicroUSD(2))
    }

    @Test func overflowingCostThrows() {
        let pricing = TierPricing(inputPer1k: MicroUSD(1_000_000_000), outputPer1k: .zero)
        #expect(throws: BillingError.arithmeticOverflow) {
            try pricing.cost(of: TokenUsage(inputTokens: .max / 10, outputTokens: 0))
        }
    }
}
