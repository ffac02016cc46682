import AWSCore
import DataAccess
import FoundationEssentials
import Testing
@testable import Billing

@Suite struct BillingLedgerRecordTests {
    let ledger = MonthlyLedger(tenantID: "acme", yearMonth: "2026-11", days: [
        "2026-11-01": .init(usage: TokenUsage(inputTokens: 1_000, outputTokens: 10, invocations: 2), cost: MicroUSD(100_001)),
        "2026-11-02": .init(usage: TokenUsage(inputTokens: 5, outputTokens: 7, invocations: 1), cost: MicroUSD(200_002)),
    ], version: 3)

    @Test func storesExactDecimalsUnderTheSummaryKey() throws {
        let item = try BillingLedgerRecord(ledger, updatedAt: Date(timeIntervalSince1970: 0)).item()
        #expect(item["PK"] == .s("TENANT#acme") && item["SK"] == .s("BILLING#2026-11"))
        #expect(item["totalCostUsd"] == .n("0.300003"))
        #expect(item["totalInputTokens"] == .n("1005"))
        #expect(item["version"] == .n("3"))
        guard case .m(let days)? = item["dailyTotals"], case .m(let first)? = days["2026-11-01"] else {
            Issue.record("dailyTotals is not a map of maps")
            return
        }
        #expect(first["costUsd"] == .n("0.100001"))
    }

    @Test func roundTripsAndStaysReadableAsDataAccessSummary() throws {
        let item = try BillingLedgerRecord(ledger, updatedAt: Date(timeIntervalSince1970: 0)).item()
        #expect(try BillingLedgerRecord(item: item).ledger == ledger)
        let summary = try BillingSummary(item: item)
        #expect(summary.totalCostUSD == 0.300003)
        #expect(summary.totalOutputTokens == 17)
        #expect(summary.dailyTotals["2026-11-02"]?.costUSD == 0.200002)
    }

    @Test func inexactStoredAmountIsRejected() throws {
        var item = try BillingLedgerRecord(ledger, updatedAt: Date(timeIntervalSince1970: 0)).item()
        item["totalCostUsd"] = .n("0.1234567")
        #expect(throws: RecordDecodingError.self) { try BillingLedgerRecord(item: item) }
    }
}
