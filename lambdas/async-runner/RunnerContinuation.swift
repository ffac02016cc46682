import AgentInvocation
import AWSCore
import FoundationEssentials

/// Re-invokes the async-runner with its state before the Lambda deadline.
protocol RunnerContinuation: Sendable {
    func continueWith(_ event: AsyncRunnerEvent) async throws
}

/// `RunnerContinuation` on Lambda `Invoke` (`InvocationType: Event`).
struct LambdaRunnerContinuation: RunnerContinuation {
    let lambda: LambdaClient
    let functionName: String

    func continueWith(_ event: AsyncRunnerEvent) async throws {
        _ = try await lambda.invoke(functionName: functionName, payload: try JSONEncoder().encode(event),
                                    invocationType: .event)
    }
}
