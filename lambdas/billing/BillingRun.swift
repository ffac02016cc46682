import FoundationEssentials

/// Bills one day for every active or suspended tenant: sums the day's tokens, prices
/// them with the tenant's tier, records the day in `BILLING#{YYYY-MM}` idempotently, and
/// suspends an active tenant whose month-to-date cost exceeds its budget.
struct BillingRun: Sendable {
    let tenants: any BillingTenantDirectory
    let usage: any InvocationUsageSource
    let ledger: any BillingLedger
    let pricing: any PricingSource
    let events: any BudgetEventPublisher
    let now: @Sendable () -> Date
    /// Conditional writes lost to a concurrent run before giving up on a tenant.
    var maximumSaveAttempts = 5

    /// Bills every tenant; one tenant's failure is reported and does not stop the others.
    func bill(_ day: BillingDay) async throws -> BillingReport {
        var report = BillingReport(day: day)
        var prices: [String: TierPricing] = [:]
        for tenant in try await tenants.billableTenants().sorted(by: { $0.tenantID < $1.tenantID }) {
            do {
                let tierPricing: TierPricing
                if let cached = prices[tenant.tier] {
                    tierPricing = cached
                } else {
                    tierPricing = try await pricing.pricing(tier: tenant.tier)
                    prices[tenant.tier] = tierPricing
                }
                report.outcomes.append(try await bill(tenant, on: day, pricing: tierPricing))
            } catch {
                report.failures.append(.init(tenantID: tenant.tenantID, reason: String(String(describing: error).prefix(300))))
            }
        }
        return report
    }

    func bill(_ tenant: BillableTenant, on day: BillingDay, pricing: TierPricing) async throws -> TenantBillingOutcome {
        let dayUsage = try await usage.usage(tenantID: tenant.tenantID, on: day)
        let entry = MonthlyLedger.Day(usage: dayUsage, cost: try pricing.cost(of: dayUsage))
        let (summary, changed) = try await record(entry, for: tenant.tenantID, on: day)
        let monthCost = try summary.totalCost()

        var suspended = false
        // Checked on every run, changed or not: a run that stopped after writing the summary
        // must still suspend when it is retried.
        if tenant.status == .active, let budget = tenant.monthlyBudget, monthCost > budget,
           try await tenants.suspend(tenantID: tenant.tenantID, at: now()) {
            suspended = true
            try await events.publishBudgetExceeded(BudgetExceededEvent(
                tenantID: tenant.tenantID, appID: tenant.appID, yearMonth: day.yearMonth,
                totalCost: monthCost, budget: budget))
        }
        return TenantBillingOutcome(tenantID: tenant.tenantID, usage: dayUsage, dayCost: entry.cost,
                                    monthCost: monthCost, summaryChanged: changed, suspended: suspended)
    }

    /// Read, replace the day, conditional write; again if another writer got in first.
    private func record(_ entry: MonthlyLedger.Day, for tenantID: String,
                        on day: BillingDay) async throws -> (MonthlyLedger, changed: Bool) {
        for _ in 0..<maximumSaveAttempts {
            let current = try await ledger.summary(tenantID: tenantID, yearMonth: day.yearMonth)
            guard var next = current.recording(entry, for: day) else { return (current, false) }
            if try await ledger.save(next, updatedAt: now()) {
                next.version += 1
                return (next, true)
            }
        }
        throw BillingError.summaryContention(tenantID: tenantID, yearMonth: day.yearMonth)
    }
}
