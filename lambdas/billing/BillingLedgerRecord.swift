import DataAccess
import FoundationEssentials

/// The stored `BILLING#{YYYY-MM}` row. Attribute names match DataAccess's `BillingSummary`
/// (so tenant-api reads it unchanged); amounts are exact decimals and `version` guards
/// concurrent writers.
struct BillingLedgerRecord: TableRecord, Equatable {
    struct DayTotals: Codable, Equatable, Sendable {
        var inputTokens: Int64
        var outputTokens: Int64
        var invocations: Int64
        var costUsd: MicroUSD
    }

    var tenantID: TenantID
    var yearMonth: YearMonth
    var dailyTotals: [String: DayTotals]
    var totalInputTokens: Int64
    var totalOutputTokens: Int64
    var totalCostUsd: MicroUSD
    var updatedAt: Date
    var version: Int64

    enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId", yearMonth, dailyTotals, totalInputTokens, totalOutputTokens, totalCostUsd
        case updatedAt, version
    }

    var key: TableKey { .billing(tenantID, yearMonth) }

    init(_ ledger: MonthlyLedger, updatedAt: Date) throws {
        tenantID = try TenantID(validating: ledger.tenantID)
        yearMonth = try YearMonth(validating: ledger.yearMonth)
        dailyTotals = ledger.days.mapValues {
            DayTotals(inputTokens: $0.usage.inputTokens, outputTokens: $0.usage.outputTokens,
                      invocations: $0.usage.invocations, costUsd: $0.cost)
        }
        totalInputTokens = ledger.totalInputTokens
        totalOutputTokens = ledger.totalOutputTokens
        totalCostUsd = try ledger.totalCost()
        self.updatedAt = updatedAt
        version = ledger.version
    }

    var ledger: MonthlyLedger {
        MonthlyLedger(
            tenantID: tenantID.rawValue, yearMonth: yearMonth.rawValue,
            days: dailyTotals.mapValues {
                .init(usage: TokenUsage(inputTokens: $0.inputTokens, outputTokens: $0.outputTokens, invocations: $0.invocations),
                      cost: $0.costUsd)
            },
            version: version)
    }
}
