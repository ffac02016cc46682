/// A tier's usage plan: steady rate and burst (token bucket) and a daily quota.
public struct UsagePlan: Sendable, Equatable {
    public var ratePerSecond: Double
    public var burst: Int
    /// nil means unlimited.
    public var dailyQuota: Int?

    public init(ratePerSecond: Double, burst: Int, dailyQuota: Int?) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.dailyQuota = dailyQuota
    }

    /// The plans of SYSTEM.md section 3, by tier name.
    public static let byTier: [String: UsagePlan] = [
        "basic": UsagePlan(ratePerSecond: 10, burst: 100, dailyQuota: 1_000),
        "standard": UsagePlan(ratePerSecond: 50, burst: 500, dailyQuota: 10_000),
        "premium": UsagePlan(ratePerSecond: 500, burst: 2_000, dailyQuota: nil),
    ]
}
