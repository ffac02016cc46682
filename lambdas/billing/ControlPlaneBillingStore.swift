import AWSCore
import DataAccess
import FoundationEssentials

/// Billing's DynamoDB access. Billing reads every tenant, so it uses the explicitly named
/// `ControlPlaneDynamoDB` (ADR 0015), never a tenant-scoped client.
struct ControlPlaneBillingStore: BillingTenantDirectory, InvocationUsageSource, BillingLedger {
    let controlPlane: ControlPlaneDynamoDB
    let tables: TableNames

    func billableTenants() async throws -> [BillableTenant] {
        var tenants: [BillableTenant] = []
        var nextToken: String?
        repeat {
            let page = try await controlPlane.scan(
                Tenant.self, from: tables.tenants, sortKey: .equals(TableKey.metadata),
                filter: DynamoDBExpression("#status IN (:active, :suspended)", names: ["#status": "status"],
                                           values: [":active": .s("active"), ":suspended": .s("suspended")]),
                nextToken: nextToken)
            tenants += page.items.compactMap(Self.billable)
            nextToken = page.nextToken
        } while nextToken != nil
        return tenants
    }

    func suspend(tenantID: String, at now: Date) async throws -> Bool {
        do {
            try await controlPlane.update(
                tables.tenants, key: .tenantMetadata(try TenantID(validating: tenantID)),
                update: DynamoDBExpression("SET #status = :suspended, updatedAt = :now", names: ["#status": "status"],
                                           values: [":suspended": .s("suspended"), ":now": .s(DynamoDBItemTimestamp.string(from: now))]),
                condition: DynamoDBExpression("#status = :active", names: ["#status": "status"], values: [":active": .s("active")]))
            return true
        } catch is ConditionalWriteConflict {
            return false
        }
    }

    func usage(tenantID: String, on day: BillingDay) async throws -> TokenUsage {
        let tenant = try TenantID(validating: tenantID)
        let range = day.invocationKeyRange
        var usage = TokenUsage()
        var nextToken: String?
        repeat {
            let page = try await controlPlane.query(
                Invocation.self, from: tables.invocations, partition: TableKey.tenantPartition(tenant),
                sortKey: .between(range.lower, range.upper), nextToken: nextToken)
            for invocation in page.items {
                try usage.add(inputTokens: Int64(invocation.inputTokens), outputTokens: Int64(invocation.outputTokens))
            }
            nextToken = page.nextToken
        } while nextToken != nil
        return usage
    }

    func summary(tenantID: String, yearMonth: String) async throws -> MonthlyLedger {
        let key = TableKey.billing(try TenantID(validating: tenantID), try YearMonth(validating: yearMonth))
        let record = try await controlPlane.get(BillingLedgerRecord.self, from: tables.tenants, key: key, consistentRead: true)
        return record?.ledger ?? .empty(tenantID: tenantID, yearMonth: yearMonth)
    }

    func save(_ ledger: MonthlyLedger, updatedAt: Date) async throws -> Bool {
        var record = try BillingLedgerRecord(ledger, updatedAt: updatedAt)
        record.version = ledger.version + 1
        let condition = ledger.version == 0
            ? DynamoDBExpression("attribute_not_exists(PK)")
            : DynamoDBExpression("#version = :expected", names: ["#version": "version"],
                                 values: [":expected": .n(String(ledger.version))])
        do {
            try await controlPlane.put(record, into: tables.tenants, condition: condition)
            return true
        } catch is ConditionalWriteConflict {
            return false
        }
    }

    /// Budgets are stored as DynamoDB numbers; DataAccess reads them as `Double`, whose
    /// shortest text form is the decimal that was written. A budget finer than a micro-dollar
    /// is rounded to one; a negative or non-finite one counts as no budget.
    static func billable(_ tenant: Tenant) -> BillableTenant? {
        guard let status = BillableTenant.Status(rawValue: tenant.status.rawValue) else { return nil }
        let dollars = tenant.monthlyBudgetUSD
        let budget = MicroUSD(decimal: String(describing: dollars))
            ?? (dollars.isFinite && dollars >= 0 && dollars < 9e12 ? MicroUSD(Int64((dollars * 1e6).rounded())) : nil)
        return BillableTenant(tenantID: tenant.tenantID.rawValue, appID: tenant.appID, tier: tenant.tier.rawValue,
                              status: status, monthlyBudget: budget)
    }
}
