/// Why billing could not bill a tenant or a day. Messages name tenants, dates and
/// parameter names, never a payload.
enum BillingError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidPricing(tier: String, reason: String)
    case invalidRecord(tenantID: String, reason: String)
    case arithmeticOverflow
    /// The summary kept changing under us (concurrent runs); the run should be retried.
    case summaryContention(tenantID: String, yearMonth: String)
    case eventRejected(tenantID: String, code: String)

    var description: String {
        switch self {
        case .invalidDate(let text): "date must be YYYY-MM-DD, got \(text.prefix(40))"
        case .invalidPricing(let tier, let reason): "pricing for tier \(tier) is unusable: \(reason)"
        case .invalidRecord(let tenantID, let reason): "a record of tenant \(tenantID) is unusable: \(reason)"
        case .arithmeticOverflow: "billing arithmetic overflowed"
        case .summaryContention(let tenantID, let yearMonth): "billing summary \(yearMonth) of \(tenantID) kept changing"
        case .eventRejected(let tenantID, let code): "EventBridge rejected the budget event of \(tenantID): \(code)"
        }
    }
}
