/// A tenant the daily run bills: status `active` or `suspended` (METADATA record).
struct BillableTenant: Equatable, Sendable {
    enum Status: String, Sendable {
        case active, suspended
    }

    var tenantID: String
    var appID: String
    var tier: String
    var status: Status
    /// nil when the tenant has no budget, so it is never suspended for cost.
    var monthlyBudget: MicroUSD?
}
