import FoundationEssentials

/// The detail of `platform.tenant.budget_exceeded`; amounts are exact decimal numbers.
struct BudgetExceededEvent: Equatable, Sendable, Encodable {
    static let source = "platform.tenants"
    static let detailType = "platform.tenant.budget_exceeded"

    var tenantID: String
    var appID: String
    var yearMonth: String
    var totalCost: MicroUSD
    var budget: MicroUSD

    enum CodingKeys: String, CodingKey {
        case tenantId, appId, yearMonth, totalCostUsd, budgetUsd
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenantID, forKey: .tenantId)
        try container.encode(appID, forKey: .appId)
        try container.encode(yearMonth, forKey: .yearMonth)
        // Decimal from the exact text encodes as that text (no binary rounding).
        try container.encode(Decimal(string: totalCost.decimalString), forKey: .totalCostUsd)
        try container.encode(Decimal(string: budget.decimalString), forKey: .budgetUsd)
    }

    /// The detail JSON text, keys sorted so it is stable.
    func detailJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
