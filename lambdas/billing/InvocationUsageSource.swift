/// Sums a tenant's INVOCATION records for a day.
protocol InvocationUsageSource: Sendable {
    func usage(tenantID: String, on day: BillingDay) async throws -> TokenUsage
}
