/// The SDK-standard retry policy: throttling, 5xx and connect failures are
/// retried with exponential backoff and full jitter, at most `maxAttempts` times.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A number in `0..<1`; injected so tests see exact delays.
    public var random: @Sendable () -> Double
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(100),
        maxDelay: Duration = .seconds(20),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
        self.sleep = sleep
    }

    /// Runs `operation`, retrying what `isRetryable` allows.
    func run<T: Sendable>(_ operation: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                guard attempt < maxAttempts, Self.isRetryable(error) else { throw error }
                try await sleep(delay(afterAttempt: attempt))
                attempt += 1
            }
        }
    }

    /// Full jitter: uniformly random in `0 ..< min(maxDelay, baseDelay * 2^(attempt-1))`.
    func delay(afterAttempt attempt: Int) -> Duration {
        let ceiling = min(maxDelay, baseDelay * (1 << min(attempt - 1, 30)))
        return ceiling * random()
    }

    /// Whether sending the same request again can succeed and cannot do harm.
    static func isRetryable(_ error: any Error) -> Bool {
        switch error {
        case let error as AWSError:
            if neverRetried.contains(error.code) { return false }
            return throttlingCodes.contains(error.code) || transientCodes.contains(error.code) || error.status >= 500
        case let error as AWSResponseError:
            return error.status >= 500 || error.status == 429
        case let error as TransportError:
            return error.isConnectFailure
        default:
            return false
        }
    }

    /// Answers that are decisions, not failures, whatever their status.
    static let neverRetried: Set<String> = ["ConditionalCheckFailedException", "TransactionCanceledException"]

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "InternalError"]
}
