import FoundationEssentials
import Testing
@testable import Billing

@Suite struct BillingRunTests {
    let day = BillingDay("2026-11-24")!
    let now = Date(timeIntervalSince1970: 1_795_564_800)

    func stores(budget: String? = "1000", status: BillableTenant.Status = .active) -> FakeBillingStores {
        let stores = FakeBillingStores()
        stores.state.withLock { state in
            state.tenants = [
                BillableTenant(tenantID: "acme", appID: "acme-app", tier: "basic", status: status,
                               monthlyBudget: budget.flatMap { MicroUSD(decimal: $0) }),
                BillableTenant(tenantID: "globex", appID: "globex-app", tier: "premium", status: .active, monthlyBudget: nil),
            ]
            state.pricing = ["basic": TierPricing(inputPer1k: MicroUSD(3_000), outputPer1k: MicroUSD(15_000)),
                             "premium": TierPricing(inputPer1k: MicroUSD(2_000), outputPer1k: MicroUSD(10_000))]
            state.usage = ["acme|2026-11-24": TokenUsage(inputTokens: 100_000, outputTokens: 20_000, invocations: 7),
                           "globex|2026-11-24": TokenUsage(inputTokens: 1_000, outputTokens: 1_000, invocations: 1)]
        }
        return stores
    }

    func run(_ stores: FakeBillingStores) -> BillingRun {
        BillingRun(tenants: stores, usage: stores, ledger: stores, pricing: stores, events: stores, now: { now })
    }

    @Test func pricesTheDayAndRecordsItInTheMonth() async throws {
        let stores = stores()
        let report = try await run(stores).bill(day)
        #expect(report.failures.isEmpty)
        // acme: 100k × $0.003/1k + 20k × $0.015/1k = $0.30 + $0.30; globex: $0.002 + $0.01.
        #expect(report.outcomes.map(\.dayCost) == [MicroUSD(600_000), MicroUSD(12_000)])
        let summary = try #require(stores.state.withLock { $0.summaries["acme|2026-11"] })
        #expect(summary.version == 1)
        #expect(summary.days["2026-11-24"] == .init(usage: TokenUsage(inputTokens: 100_000, outputTokens: 20_000, invocations: 7),
                                                    cost: MicroUSD(600_000)))
        #expect(summary.totalInputTokens == 100_000 && summary.totalOutputTokens == 20_000)
        #expect(stores.state.withLock { $0.pricingReads } == 2)
    }

    @Test func rerunningTheDayChangesNothing() async throws {
        let stores = stores()
        let first = try await run(stores).bill(day)
        let second = try await run(stores).bill(day)
        #expect(first.outcomes.allSatisfy { $0.summaryChanged })
        #expect(second.outcomes.allSatisfy { !$0.summaryChanged })
        #expect(second.outcomes.map(\.monthCost) == first.outcomes.map(\.monthCost))
        #expect(stores.state.withLock { $0.saves } == 2)
    }

    @Test func monthTotalIsTheSumOfDaysAndALateCorrectionReplacesTheDay() async throws {
        let stores = stores()
        _ = try await run(stores).bill(day)
        stores.state.withLock { $0.usage["acme|2026-11-25"] = TokenUsage(inputTokens: 1_000, outputTokens: 0, invocations: 1) }
        _ = try await run(stores).bill(BillingDay("2026-11-25")!)
        // A late invocation on the 24th: re-billing it replaces that day, never adds to it.
        stores.state.withLock { $0.usage["acme|2026-11-24"]?.inputTokens = 200_000 }
        let report = try await run(stores).bill(day)
        #expect(report.outcomes[0].monthCost == MicroUSD(900_000 + 3_000))
        #expect(stores.state.withLock { $0.summaries["acme|2026-11"]?.version } == 3)
    }

    @Test func dayWithoutUsageWritesNothing() async throws {
        let stores = stores()
        let report = try await run(stores).bill(BillingDay("2026-11-01")!)
        #expect(report.outcomes.map(\.summaryChanged) == [false, false])
        #expect(stores.state.withLock { $0.summaries.isEmpty })
    }

    @Test func costExactlyAtTheBudgetDoesNotSuspend() async throws {
        let stores = stores(budget: "0.6")
        let report = try await run(stores).bill(day)
        #expect(report.suspendedCount == 0)
        #expect(stores.state.withLock { $0.events.isEmpty && $0.suspensions.isEmpty })
    }

    @Test func costOverTheBudgetSuspendsOnceAndPublishes() async throws {
        let stores = stores(budget: "0.599999")
        let report = try await run(stores).bill(day)
        #expect(report.suspendedCount == 1)
        #expect(stores.state.withLock { $0.events } == [BudgetExceededEvent(
            tenantID: "acme", appID: "acme-app", yearMonth: "2026-11", totalCost: MicroUSD(600_000), budget: MicroUSD(599_999))])
        // The tenant is now suspended: a re-run neither suspends nor publishes again.
        stores.state.withLock { state in state.tenants[0].status = .suspended }
        let again = try await run(stores).bill(day)
        #expect(again.suspendedCount == 0)
        #expect(stores.state.withLock { $0.events.count } == 1)
    }

    @Test func suspendedOrBudgetlessTenantsAreBilledButNotSuspended() async throws {
        let stores = stores(budget: "0.01", status: .suspended)
        let report = try await run(stores).bill(day)
        #expect(report.outcomes.count == 2 && report.suspendedCount == 0)
        #expect(stores.state.withLock { $0.summaries.count } == 2)
    }

    @Test func retryAfterACrashBetweenSummaryAndSuspensionStillSuspends() async throws {
        let stores = stores(budget: "0.5")
        // The summary was written by a run that stopped before suspending.
        _ = try await run(stores).bill(day)
        stores.state.withLock { state in
            state.tenants[0].status = .active
            state.events.removeAll()
        }
        let retry = try await run(stores).bill(day)
        #expect(retry.outcomes[0].summaryChanged == false)
        #expect(retry.suspendedCount == 1)
        #expect(stores.state.withLock { $0.events.count } == 1)
    }

    @Test func lostConditionalWritesAreRetriedThenReported() async throws {
        let stores = stores()
        stores.state.withLock { $0.lostSaves = 2 }
        let report = try await run(stores).bill(day)
        #expect(report.failures.isEmpty)
        stores.state.withLock { $0.lostSaves = 100 }
        stores.state.withLock { $0.usage["acme|2026-11-24"]?.outputTokens = 1 }
        let contended = try await run(stores).bill(day)
        #expect(contended.failures == [.init(tenantID: "acme",
                                             reason: BillingError.summaryContention(tenantID: "acme", yearMonth: "2026-11").description)])
    }

    @Test func oneTenantsFailureDoesNotStopTheOthers() async throws {
        let stores = stores()
        stores.state.withLock { $0.failingUsage = ["acme"] }
        let report = try await run(stores).bill(day)
        #expect(report.failures.map(\.tenantID) == ["acme"])
        #expect(report.outcomes.map(\.tenantID) == ["globex"])
    }
}
