import FoundationEssentials
import Testing
@testable import Billing

@Suite struct BillingDayTests {
    @Test func parsesAndPrints() throws {
        let day = try #require(BillingDay("2028-02-29"))
        #expect(day.description == "2028-02-29")
        #expect(day.yearMonth == "2028-02")
        #expect(day.invocationKeyRange == ("INV#2028-02-29T", "INV#2028-02-29T~"))
    }

    @Test(arguments: ["2027-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "26-01-01", "2026-01-01T",
                      "", "abcd-ef-gh", "2026/01/01", "1969-12-31", "+026-01-01"])
    func rejectsInvalidDates(text: String) {
        #expect(BillingDay(text) == nil)
    }

    @Test func yesterdayIsTheUTCDayBefore() {
        // 2026-11-25T00:00:00Z and one millisecond before it.
        #expect(BillingDay.yesterday(before: Date(timeIntervalSince1970: 1_795_564_800)).description == "2026-11-24")
        #expect(BillingDay.yesterday(before: Date(timeIntervalSince1970: 1_795_564_799.999)).description == "2026-11-23")
        #expect(BillingDay.yesterday(before: Date(timeIntervalSince1970: 1_772_323_200)).description == "2026-02-28")  // 2026-03-01
        #expect(BillingDay.yesterday(before: Date(timeIntervalSince1970: 1_798_761_600)).description == "2026-12-31")  // 2027-01-01
    }

    @Test func civilDatesRoundTripOverYears() {
        for days in stride(from: 0, to: 40_000, by: 37) {
            let day = BillingDay(daysSinceEpoch: days)
            #expect(BillingDay(day.description) == day)
        }
        #expect(BillingDay(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(BillingDay(daysSinceEpoch: 20_513).description == "2026-03-01")
    }

    @Test func keyRangeCoversTheWholeDayOnly() {
        let (lower, upper) = BillingDay("2026-11-25")!.invocationKeyRange
        for inside in ["INV#2026-11-25T00:00:00.000Z#a", "INV#2026-11-25T23:59:59.999Z#ffffffff-ffff-ffff-ffff-ffffffffffff"] {
            #expect(lower <= inside && inside <= upper)
        }
        for outside in ["INV#2026-11-24T23:59:59.999Z#z", "INV#2026-11-26T00:00:00.000Z#0"] {
            #expect(!(lower <= outside && outside <= upper))
        }
    }
}
