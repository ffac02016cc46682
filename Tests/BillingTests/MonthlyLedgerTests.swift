import Testing
@testable import Billing

@Suite struct MonthlyLedgerTests {
    let day = BillingDay("2026-11-24")!
    let entry = MonthlyLedger.Day(usage: TokenUsage(inputTokens: 10, outputTokens: 5, invocations: 1), cost: MicroUSD(105))

    @Test func recordingTheSameDayTwiceIsNoChange() throws {
        let empty = MonthlyLedger.empty(tenantID: "t", yearMonth: "2026-11")
        let once = try #require(empty.recording(entry, for: day))
        #expect(once.recording(entry, for: day) == nil)
        #expect(try once.totalCost() == MicroUSD(105))
    }

    @Test func totalsAreSumsOfDays() throws {
        var summary = MonthlyLedger.empty(tenantID: "t", yearMonth: "2026-11")
        summary.days = ["2026-11-01": entry, "2026-11-02": .init(usage: TokenUsage(inputTokens: 1, outputTokens: 2, invocations: 1), cost: MicroUSD(7))]
        #expect(summary.totalInputTokens == 11)
        #expect(summary.totalOutputTokens == 7)
        #expect(try summary.totalCost() == MicroUSD(112))
    }

    @Test func zeroUsageOnlyOverwritesARecordedDay() throws {
        let empty = MonthlyLedger.empty(tenantID: "t", yearMonth: "2026-11")
        let zero = MonthlyLedger.Day(usage: TokenUsage(), cost: .zero)
        #expect(empty.recording(zero, for: day) == nil)
        let recorded = try #require(empty.recording(entry, for: day))
        #expect(recorded.recording(zero, for: day)?.days[day.description] == zero)
    }
}
