import FoundationEssentials
import LambdaEvents

/// The last health answer, reused for `lifetime` seconds, with one check in
/// flight at a time: `/v1/health` is unauthenticated, so a flood of calls
/// must not fan out to DynamoDB and SSM once each (ADR 0027).
actor HealthAnswerCache {
    /// Short enough that an outage shows within seconds.
    static let lifetime: TimeInterval = 5

    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var last: (answer: APIGatewayProxyResponse, at: Date)?
    private var checking: Task<APIGatewayProxyResponse, any Error>?

    init(lifetime: TimeInterval = HealthAnswerCache.lifetime, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.now = now
    }

    func answer(_ check: @escaping @Sendable () async throws -> APIGatewayProxyResponse) async throws -> APIGatewayProxyResponse {
        if let last, now().timeIntervalSince(last.at) < lifetime { return last.answer }
        if let checking { return try await checking.value }
        let task = Task { try await check() }
        checking = task
        defer { checking = nil }
        let answer = try await task.value
        last = (answer, now())
        return answer
    }
}
