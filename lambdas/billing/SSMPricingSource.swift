import AWSCore

/// Tier prices from SSM (`/platform/billing/pricing/{tier}`).
struct SSMPricingSource: PricingSource {
    let ssm: SSMClient

    static func parameterName(tier: String) -> String { "/platform/billing/pricing/\(tier)" }

    func pricing(tier: String) async throws -> TierPricing {
        try TierPricing(json: try await ssm.getParameter(Self.parameterName(tier: tier)).value, tier: tier)
    }
}
