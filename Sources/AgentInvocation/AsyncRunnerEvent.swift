import FoundationEssentials

/// What the bridge hands the async-runner, and what the runner hands itself
/// when it continues before its deadline: everything needed to poll one task.
package struct AsyncRunnerEvent: Codable, Sendable, Equatable {
    package var jobId: String
    package var tenantId: String
    package var taskId: String
    package var runtimeSessionId: String
    /// The runtime ARN already rewritten to the region the task runs in.
    package var runtimeArn: String
    package var region: String
    /// When the job started (ISO-8601); the runner gives up 8 hours later.
    package var startedAt: String
    /// How many times the runner has continued itself.
    package var continuation: Int

    package init(jobId: String, tenantId: String, taskId: String, runtimeSessionId: String, runtimeArn: String,
                 region: String, startedAt: String, continuation: Int = 0) {
        self.jobId = jobId
        self.tenantId = tenantId
        self.taskId = taskId
        self.runtimeSessionId = runtimeSessionId
        self.runtimeArn = runtimeArn
        self.region = region
        self.startedAt = startedAt
        self.continuation = continuation
    }
}
