/// `/platform/billing/pricing/{tier}`.
protocol PricingSource: Sendable {
    func pricing(tier: String) async throws -> TierPricing
}
