/// The outcome of one billing run: every tenant billed, and every tenant that failed.
struct BillingReport: Equatable, Sendable {
    struct Failure: Equatable, Sendable {
        var tenantID: String
        var reason: String
    }

    var day: BillingDay
    var outcomes: [TenantBillingOutcome] = []
    var failures: [Failure] = []

    var suspendedCount: Int { outcomes.filter(\.suspended).count }
}
