import DataAccess
import FoundationEssentials

/// Today's request count and the month's remaining budget of one tenant.
struct TenantUsageReader: Sendable {
    let dependencies: TenantAPIDependencies

    func usage(of tenant: Tenant, store: any RecordStore) async throws -> TenantBody.Usage {
        let now = dependencies.now()
        let tables = dependencies.configuration.tables
        let today = try await store.queryAll(
            Invocation.self, table: tables.invocations, partition: TableKey.tenantPartition(tenant.tenantID),
            sortKey: .beginsWith(TableKey.invocationDayPrefix(now)))
        let billing = try await store.get(
            BillingSummary.self, table: tables.tenants, key: .billing(tenant.tenantID, YearMonth(containing: now)))
        return .init(requestsToday: today.count, budgetRemainingUsd: tenant.monthlyBudgetUSD - (billing?.totalCostUSD ?? 0))
    }
}
