import FoundationEssentials

/// The `BILLING#{YYYY-MM}` records.
protocol BillingLedger: Sendable {
    /// The stored summary, or an empty one with version 0.
    func summary(tenantID: String, yearMonth: String) async throws -> MonthlyLedger
    /// Writes `summary` if the stored version is still `summary.version` (0: absent),
    /// storing version + 1; false when someone else wrote first.
    func save(_ summary: MonthlyLedger, updatedAt: Date) async throws -> Bool
}
