import FoundationEssentials

/// The body of `PATCH /v1/tenants/{id}`: only these fields may change.
public struct TenantUpdate: Codable, Sendable, Equatable {
    public var displayName: String?
    public var tier: String?
    public var status: String?
    public var monthlyBudgetUsd: Double?
    public var runtimeRegion: String?
    public var fallbackRegion: String?

    public init(displayName: String? = nil, tier: String? = nil, status: String? = nil,
                monthlyBudgetUsd: Double? = nil, runtimeRegion: String? = nil, fallbackRegion: String? = nil) {
        self.displayName = displayName
        self.tier = tier
        self.status = status
        self.monthlyBudgetUsd = monthlyBudgetUsd
        self.runtimeRegion = runtimeRegion
        self.fallbackRegion = fallbackRegion
    }

    /// `tenant` with the sent fields applied and `updatedAt` set, or every
    /// field error. An empty update is an error (nothing to change).
    public func applied(to tenant: Tenant, now: Date) throws(ValidationFailure) -> Tenant {
        var collector = ValidationCollector()
        var updated = tenant
        if let displayName, let value = collector.check({ () throws(ValidationError) in
            try TenantRules.checkText(displayName, field: "displayName", limit: TenantRules.displayNameLimit)
        }) { updated.displayName = value }
        if let tier, let value = collector.check({ () throws(ValidationError) in try Tier.parse(tier, field: "tier") }) {
            updated.tier = value
        }
        if let status, let value = collector.check({ () throws(ValidationError) in try TenantStatus.parse(status, field: "status") }) {
            updated.status = value
        }
        if let monthlyBudgetUsd, let value = collector.check({ () throws(ValidationError) in try TenantRules.checkBudget(monthlyBudgetUsd) }) {
            updated.monthlyBudgetUSD = value
        }
        if let runtimeRegion, let value = collector.check({ () throws(ValidationError) in
            try AWSRegion(validating: runtimeRegion, field: "runtimeRegion")
        }) { updated.runtimeRegion = value }
        if let fallbackRegion, let value = collector.check({ () throws(ValidationError) in
            try AWSRegion(validating: fallbackRegion, field: "fallbackRegion")
        }) { updated.fallbackRegion = value }
        if self == TenantUpdate() {
            collector.check { () throws(ValidationError) in throw ValidationError.required("body") }
        }
        guard collector.errors.isEmpty else { throw collector.failure }
        updated.updatedAt = now
        return updated
    }
}
