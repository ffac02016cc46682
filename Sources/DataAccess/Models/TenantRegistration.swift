import FoundationEssentials

/// The body of `POST /v1/tenants`, as sent: every field optional so that a
/// missing one is reported with the others in `details[]`.
public struct TenantRegistration: Codable, Sendable, Equatable {
    public var tenantId: String?
    public var appId: String?
    public var displayName: String?
    public var tier: String?
    public var ownerEmail: String?
    public var ownerTeam: String?
    public var accountId: String?
    public var runtimeRegion: String?
    public var fallbackRegion: String?
    public var monthlyBudgetUsd: Double?

    public init(tenantId: String? = nil, appId: String? = nil, displayName: String? = nil, tier: String? = nil,
                ownerEmail: String? = nil, ownerTeam: String? = nil, accountId: String? = nil,
                runtimeRegion: String? = nil, fallbackRegion: String? = nil, monthlyBudgetUsd: Double? = nil) {
        self.tenantId = tenantId
        self.appId = appId
        self.displayName = displayName
        self.tier = tier
        self.ownerEmail = ownerEmail
        self.ownerTeam = ownerTeam
        self.accountId = accountId
        self.runtimeRegion = runtimeRegion
        self.fallbackRegion = fallbackRegion
        self.monthlyBudgetUsd = monthlyBudgetUsd
    }

    /// The request with every field checked.
    public struct Validated: Sendable, Equatable {
        public let tenantID: TenantID
        public let appID: String
        public let displayName: String
        public let tier: Tier
        public let ownerEmail: EmailAddress
        public let ownerTeam: String
        public let accountID: AccountID
        public let runtimeRegion: AWSRegion
        public let fallbackRegion: AWSRegion
        public let monthlyBudgetUSD: Double
    }

    /// Checks every field and reports all failures at once. Regions default
    /// to `eu-west-1` / `eu-central-1`; the tenant id must be creatable.
    public func validated() throws(ValidationFailure) -> Validated {
        var collector = ValidationCollector()
        let tenantID = collector.require(tenantId, "tenantId") { (text: String) throws(ValidationError) in
            try TenantID(creating: text)
        }
        let appID = collector.require(appId, "appId") { (text: String) throws(ValidationError) in
            try TenantRules.checkText(text, field: "appId", limit: 128)
        }
        let displayName = collector.require(displayName, "displayName") { (text: String) throws(ValidationError) in
            try TenantRules.checkText(text, field: "displayName", limit: TenantRules.displayNameLimit)
        }
        let tier = collector.require(tier, "tier") { (text: String) throws(ValidationError) in try Tier.parse(text, field: "tier") }
        let ownerEmail = collector.require(ownerEmail, "ownerEmail") { (text: String) throws(ValidationError) in
            try EmailAddress(validating: text, field: "ownerEmail")
        }
        let ownerTeam = collector.require(ownerTeam, "ownerTeam") { (text: String) throws(ValidationError) in
            try TenantRules.checkText(text, field: "ownerTeam", limit: 128)
        }
        let accountID = collector.require(accountId, "accountId") { (text: String) throws(ValidationError) in
            try AccountID(validating: text, field: "accountId")
        }
        let runtimeRegion = collector.require(runtimeRegion ?? AWSRegion.defaultRuntime.rawValue, "runtimeRegion") {
            (text: String) throws(ValidationError) in try AWSRegion(validating: text, field: "runtimeRegion")
        }
        let fallbackRegion = collector.require(fallbackRegion ?? AWSRegion.defaultFallback.rawValue, "fallbackRegion") {
            (text: String) throws(ValidationError) in try AWSRegion(validating: text, field: "fallbackRegion")
        }
        let budget = collector.require(monthlyBudgetUsd, "monthlyBudgetUsd") { (value: Double) throws(ValidationError) in
            try TenantRules.checkBudget(value)
        }
        guard let tenantID, let appID, let displayName, let tier, let ownerEmail, let ownerTeam, let accountID,
              let runtimeRegion, let fallbackRegion, let budget
        else { throw collector.failure }
        return Validated(tenantID: tenantID, appID: appID, displayName: displayName, tier: tier, ownerEmail: ownerEmail,
                         ownerTeam: ownerTeam, accountID: accountID, runtimeRegion: runtimeRegion,
                         fallbackRegion: fallbackRegion, monthlyBudgetUSD: budget)
    }
}
