import LambdaRuntime

/// EMF metrics in `Platform/Billing`: per tenant `TenantCost` (month-to-date USD, what the
/// Tenant stack's budget alarm compares with `monthlyBudgetUsd`) and `TenantTokens` (the
/// day's tokens), by `TenantId`; per run `TenantsSuspended`.
struct BillingMetrics: Sendable {
    static let namespace = "Platform/Billing"

    let metrics: LambdaMetrics

    /// Metrics without the function-name dimension the runtime adds, so alarms key on the tenant only.
    init(sink: any LogSink = StandardOutputSink(), clock: LambdaClock = .system) {
        metrics = LambdaMetrics(namespace: Self.namespace, dimensions: [], sink: sink, clock: clock, requestID: nil)
    }

    func record(_ report: BillingReport) {
        for outcome in report.outcomes {
            metrics.emit([
                Metric("TenantCost", outcome.monthCost.dollars, unit: .none),
                Metric("TenantTokens", Double(outcome.usage.totalTokens), unit: .count),
            ], dimensions: [("TenantId", outcome.tenantID)])
        }
        metrics.emit("TenantsSuspended", Double(report.suspendedCount))
    }
}
