/// A tenant's `BILLING#{YYYY-MM}` record: the per-day totals, and month totals that are
/// always their sum, so re-billing a day replaces that day instead of adding to it.
struct MonthlyLedger: Equatable, Sendable {
    struct Day: Equatable, Sendable {
        var usage: TokenUsage
        var cost: MicroUSD
    }

    var tenantID: String
    var yearMonth: String
    /// Keyed by `YYYY-MM-DD`.
    var days: [String: Day]
    /// Optimistic-concurrency version: 0 when the record does not exist yet.
    var version: Int64

    static func empty(tenantID: String, yearMonth: String) -> MonthlyLedger {
        MonthlyLedger(tenantID: tenantID, yearMonth: yearMonth, days: [:], version: 0)
    }

    var totalInputTokens: Int64 { days.values.reduce(0) { $0 + $1.usage.inputTokens } }
    var totalOutputTokens: Int64 { days.values.reduce(0) { $0 + $1.usage.outputTokens } }

    func totalCost() throws(BillingError) -> MicroUSD {
        var total = MicroUSD.zero
        for day in days.values { total = try total + day.cost }
        return total
    }

    /// The summary with `day` set to `entry`, or nil when nothing would change (a re-run of
    /// the same day, or a day without usage that was never recorded).
    func recording(_ entry: Day, for day: BillingDay) -> MonthlyLedger? {
        let key = day.description
        if days[key] == entry { return nil }
        if days[key] == nil, entry.usage == TokenUsage() { return nil }
        var next = self
        next.days[key] = entry
        return next
    }
}
