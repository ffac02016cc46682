import AgentInvocation
import AWSCore
import FoundationEssentials

/// Starts the async-runner for a job (an asynchronous Lambda invoke).
protocol AsyncRunnerStarter: Sendable {
    func start(_ event: AsyncRunnerEvent) async throws
}

/// `AsyncRunnerStarter` on Lambda `Invoke` with `InvocationType: Event`.
struct LambdaAsyncRunnerStarter: AsyncRunnerStarter {
    let lambda: LambdaClient
    let functionName: String

    func start(_ event: AsyncRunnerEvent) async throws {
        _ = try await lambda.invoke(functionName: functionName, payload: try JSONEncoder().encode(event),
                                    invocationType: .event)
    }
}
