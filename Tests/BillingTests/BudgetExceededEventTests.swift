import Testing
@testable import Billing

@Suite struct BudgetExceededEventTests {
    @Test func detailCarriesExactDecimalAmounts() throws {
        let event = BudgetExceededEvent(tenantID: "acme", appID: "acme-app", yearMonth: "2026-11",
                                        totalCost: MicroUSD(1_000_000_100), budget: MicroUSD(1_000_000_000))
        #expect(try event.detailJSON()
            == #"{"appId":"acme-app","budgetUsd":1000,"tenantId":"acme","totalCostUsd":1000.0001,"yearMonth":"2026-11"}"#)
    }
}
