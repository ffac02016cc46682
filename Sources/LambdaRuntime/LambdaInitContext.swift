/// What initialisation code gets: the environment, a logger and metrics.
public struct LambdaInitContext: Sendable {
    /// The process environment at start-up.
    public let environment: [String: String]
    public let logger: LambdaLogger
    public let metrics: LambdaMetrics
}
