/// One UTC day's priced token usage of a tenant.
public struct DailyUsage: Codable, Sendable, Equatable {
    public var inputTokens: Int
    public var outputTokens: Int
    public var costUSD: Double

    enum CodingKeys: String, CodingKey {
        case inputTokens, outputTokens, costUSD = "costUsd"
    }

    public init(inputTokens: Int, outputTokens: Int, costUSD: Double) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
    }
}
