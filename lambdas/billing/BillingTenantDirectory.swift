import FoundationEssentials

/// Tenants to bill, and suspension (control-plane access: every tenant's partition).
protocol BillingTenantDirectory: Sendable {
    func billableTenants() async throws -> [BillableTenant]
    /// Sets an `active` tenant `suspended`; false when it was no longer `active`.
    func suspend(tenantID: String, at: Date) async throws -> Bool
}
