import AgentInvocation
import DataAccess
import FoundationEssentials

/// What the async-runner talks to, injected by `main.swift` or a test.
struct AsyncRunnerDependencies: Sendable {
    var jobs: @Sendable (TenantID) -> any JobStore
    var credentials: any TenantCredentialSource
    var runtime: any AgentRuntime
    var continuation: any RunnerContinuation
    var log: @Sendable (String) -> Void
    var now: @Sendable () -> Date
    var sleep: @Sendable (Duration) async throws -> Void
    /// Between two `job_status` polls.
    var pollInterval: Duration = .seconds(5)
    /// Continue in a fresh invocation when less than this is left before the deadline.
    var deadlineMargin: Duration = .seconds(30)
    /// A job older than this is `failed` (AgentCore's session limit).
    var maximumAge: TimeInterval = 8 * 3600
    /// Consecutive failed polls after which the job is `failed`.
    var maximumPollFailures = 5
}
