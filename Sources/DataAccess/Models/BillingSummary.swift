import FoundationEssentials

/// A tenant's usage for one month (`TENANT#{id}` / `BILLING#{YYYY-MM}`).
///
/// Idempotent per day: `dailyTotals` maps `YYYY-MM-DD` to that day's usage,
/// recording a day replaces its entry, and the totals are always the sum of
/// the days (added in date order, so the floating-point total is reproducible).
public struct BillingSummary: TableRecord, Equatable {
    public let tenantID: TenantID
    public let yearMonth: YearMonth
    public private(set) var dailyTotals: [String: DailyUsage]
    public private(set) var totalInputTokens: Int
    public private(set) var totalOutputTokens: Int
    public private(set) var totalCostUSD: Double
    public private(set) var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId", yearMonth, dailyTotals, totalInputTokens, totalOutputTokens
        case totalCostUSD = "totalCostUsd", updatedAt
    }

    /// An empty month.
    public init(tenantID: TenantID, yearMonth: YearMonth, now: Date) {
        self.tenantID = tenantID
        self.yearMonth = yearMonth
        dailyTotals = [:]
        totalInputTokens = 0
        totalOutputTokens = 0
        totalCostUSD = 0
        updatedAt = now
    }

    public var key: TableKey { .billing(tenantID, yearMonth) }

    /// The summary with `day`'s usage set (replacing any earlier run for that
    /// day) and the totals recomputed. `day` must fall in this month.
    public func recording(_ usage: DailyUsage, on day: Date, now: Date) throws(ValidationError) -> BillingSummary {
        guard YearMonth(containing: day) == yearMonth else {
            throw ValidationError(field: "day", code: .outOfRange, message: "must fall in the summary's month")
        }
        var summary = self
        summary.dailyTotals[YearMonth.day(of: day)] = usage
        let days = summary.dailyTotals.sorted { $0.key < $1.key }.map(\.value)
        summary.totalInputTokens = days.reduce(0) { $0 + $1.inputTokens }
        summary.totalOutputTokens = days.reduce(0) { $0 + $1.outputTokens }
        summary.totalCostUSD = days.reduce(0) { $0 + $1.costUSD }
        summary.updatedAt = now
        return summary
    }
}
