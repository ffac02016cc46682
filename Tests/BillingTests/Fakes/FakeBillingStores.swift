import FoundationEssentials
import Synchronization
@testable import Billing

/// In-memory tenants, invocations, summaries, pricing and events for `BillingRun`.
final class FakeBillingStores: BillingTenantDirectory, InvocationUsageSource, BillingLedger, PricingSource, BudgetEventPublisher {
    struct Down: Error {}

    struct State {
        var tenants: [BillableTenant] = []
        var usage: [String: TokenUsage] = [:]  // "tenant|day"
        var summaries: [String: MonthlyLedger] = [:]  // "tenant|month"
        var pricing: [String: TierPricing] = [:]
        var events: [BudgetExceededEvent] = []
        var suspensions: [String] = []
        var saves = 0
        /// Conditional writes to fail before letting one through (a concurrent writer).
        var lostSaves = 0
        var failingUsage: Set<String> = []
        var pricingReads = 0
    }

    let state = Mutex(State())

    func billableTenants() async throws -> [BillableTenant] {
        state.withLock { $0.tenants }
    }

    func suspend(tenantID: String, at: Date) async throws -> Bool {
        state.withLock { state in
            guard let index = state.tenants.firstIndex(where: { $0.tenantID == tenantID }),
                  state.tenants[index].status == .active else { return false }
            state.tenants[index].status = .suspended
            state.suspensions.append(tenantID)
            return true
        }
    }

    func usage(tenantID: String, on day: BillingDay) async throws -> TokenUsage {
        try state.withLock { state in
            if state.failingUsage.contains(tenantID) { throw Down() }
            return state.usage["\(tenantID)|\(day)"] ?? TokenUsage()
        }
    }

    func summary(tenantID: String, yearMonth: String) async throws -> MonthlyLedger {
        state.withLock { $0.summaries["\(tenantID)|\(yearMonth)"] } ?? .empty(tenantID: tenantID, yearMonth: yearMonth)
    }

    func save(_ summary: MonthlyLedger, updatedAt: Date) async throws -> Bool {
        state.withLock { state in
            let key = "\(summary.tenantID)|\(summary.yearMonth)"
            if state.lostSaves > 0 {
                state.lostSaves -= 1
                return false
            }
            guard (state.summaries[key]?.version ?? 0) == summary.version else { return false }
            var stored = summary
            stored.version += 1
            state.summaries[key] = stored
            state.saves += 1
            return true
        }
    }

    func pricing(tier: String) async throws -> TierPricing {
        try state.withLock { state in
            state.pricingReads += 1
            guard let pricing = state.pricing[tier] else { throw Down() }
            return pricing
        }
    }

    func publishBudgetExceeded(_ event: BudgetExceededEvent) async throws {
        state.withLock { $0.events.append(event) }
    }
}
