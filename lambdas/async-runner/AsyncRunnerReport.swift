/// What an async-runner invocation returns (seen by tests and in logs).
struct AsyncRunnerReport: Codable, Sendable {
    var jobId: String
    var outcome: String
}
