/// Publishes `platform.tenant.budget_exceeded` (source `platform.tenants`).
protocol BudgetEventPublisher: Sendable {
    func publishBudgetExceeded(_ event: BudgetExceededEvent) async throws
}
