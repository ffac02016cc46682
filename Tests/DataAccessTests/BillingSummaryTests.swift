import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct BillingSummaryTests {
    let month = try! YearMonth(validating: "2026-11")

    @Test func rerunningADayReplacesItInsteadOfAddingIt() throws {
        let day = Fixtures.now
        let nextDay = day.addingTimeInterval(86_400)
        var summary = BillingSummary(tenantID: Fixtures.tenant(), yearMonth: month, now: day)
        #expect(summary.totalInputTokens == 0 && summary.dailyTotals.isEmpty)
        summary = try summary.recording(DailyUsage(inputTokens: 100, outputTokens: 10, costUSD: 0.5), on: day, now: day)
        summary = try summary.recording(DailyUsage(inputTokens: 50, outputTokens: 5, costUSD: 0.25), on: nextDay, now: nextDay)
        let once = summary
        summary = try summary.recording(DailyUsage(inputTokens: 50, outputTokens: 5, costUSD: 0.25), on: nextDay, now: nextDay)
        #expect(summary == once)
        #expect(summary.totalInputTokens == 150 && summary.totalOutputTokens == 15 && summary.totalCostUSD == 0.75)
        summary = try summary.recording(DailyUsage(inputTokens: 1, outputTokens: 1, costUSD: 0.01), on: day, now: nextDay)
        #expect(summary.totalInputTokens == 51 && summary.totalOutputTokens == 6 && summary.totalCostUSD == 0.26)
        #expect(summary.dailyTotals.keys.sorted() == ["2026-11-25", "2026-11-26"])
        #expect(summary.updatedAt == nextDay)
    }

    @Test func refusesADayOutsideTheMonth() {
        let summary = BillingSummary(tenantID: Fixtures.tenant(), yearMonth: month, now: Fixtures.now)
        #expect(throws: ValidationError(field: "day", code: .outOfRange, message: "must fall in the summary's month")) {
            try summary.recording(DailyUsage(inputTokens: 1, outputTokens: 1, costUSD: 1), on: Fixtures.now.addingTimeInterval(6 * 86_400), now: Fixtures.now)
        }
    }

    @Test func roundTripsWithAPerDayMap() throws {
        let summary = try BillingSummary(tenantID: Fixtures.tenant(), yearMonth: month, now: Fixtures.now)
            .recording(DailyUsage(inputTokens: 9_007_199_254_740_993, outputTokens: 2, costUSD: 1.5), on: Fixtures.now, now: Fixtures.now)
        let (decoded, item) = try Fixtures.roundTrip(summary)
        #expect(decoded == summary)
        #expect(item["SK"] == .s("BILLING#2026-11"))
        #expect(item["dailyTotals"] == .m(["2026-11-25": .m(["inputTokens": .n("9007199254740993"), "outputTokens": .n("2"), "costUsd": .n("1.5")])]))
        #expect(Set(item.keys) == ["PK", "SK", "tenantId", "yearMonth", "dailyTotals", "totalInputTokens", "totalOutputTokens",
                                   "totalCostUsd", "updatedAt"])
        var broken = item
        broken["dailyTotals"] = .m(["2026-11-25": .m(["inputTokens": .n("1"), "outputTokens": .n("2")])])
        #expect(Fixtures.decodingError(BillingSummary.self, broken)?.attribute == "dailyTotals.2026-11-25.costUsd")
    }
}
