import DataAccess

/// Invocation counts and tokens summed over a set of invocation records (a pure
/// stage shared by the top-tenants ranking and the invocation report).
struct UsageTotals: Encodable, Sendable, Equatable {
    var invocations = 0
    var errors = 0
    var inputTokens = 0
    var outputTokens = 0
    var totalLatencyMs = 0

    /// Anything but `success` counts as an error (error, timeout, throttled): what a caller saw fail.
    mutating func add(_ invocation: Invocation) {
        invocations += 1
        if invocation.status != .success { errors += 1 }
        inputTokens += invocation.inputTokens
        outputTokens += invocation.outputTokens
        totalLatencyMs += invocation.latencyMs
    }

    var tokens: Int { inputTokens + outputTokens }

    /// Errors per invocation, rounded to 4 places; 0 when nothing ran.
    var errorRate: Double { invocations == 0 ? 0 : (Double(errors) / Double(invocations) * 10_000).rounded() / 10_000 }

    var averageLatencyMs: Int { invocations == 0 ? 0 : totalLatencyMs / invocations }

    /// Totals grouped by `key` of each record.
    static func grouped<Key: Hashable>(_ invocations: [Invocation], by key: (Invocation) -> Key) -> [Key: UsageTotals] {
        var groups: [Key: UsageTotals] = [:]
        for invocation in invocations { groups[key(invocation), default: UsageTotals()].add(invocation) }
        return groups
    }

    enum CodingKeys: String, CodingKey { case invocations, errors, inputTokens, outputTokens, errorRate, averageLatencyMs }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(invocations, forKey: .invocations)
        try container.encode(errors, forKey: .errors)
        try container.encode(inputTokens, forKey: .inputTokens)
        try container.encode(outputTokens, forKey: .outputTokens)
        try container.encode(errorRate, forKey: .errorRate)
        try container.encode(averageLatencyMs, forKey: .averageLatencyMs)
    }
}
