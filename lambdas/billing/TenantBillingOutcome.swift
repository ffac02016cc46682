/// What billing did for one tenant on one day.
struct TenantBillingOutcome: Equatable, Sendable {
    var tenantID: String
    var usage: TokenUsage
    var dayCost: MicroUSD
    /// Month-to-date cost after this run.
    var monthCost: MicroUSD
    /// False when the summary already held exactly this day (a re-run).
    var summaryChanged: Bool
    /// True when this run suspended the tenant for exceeding its budget.
    var suspended: Bool
}
