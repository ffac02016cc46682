// The async-runner Lambda: polls one async job's agent task until it ends.
import AgentInvocation
import LambdaRuntime

await LambdaRuntime.run(setUp: { initContext in
    let handler = AsyncRunnerHandler(dependencies: try AsyncRunnerWiring.dependencies(
        environment: initContext.environment, logger: initContext.logger))
    return .codable { (event: AsyncRunnerEvent, context: LambdaContext) -> AsyncRunnerReport in
        let outcome = try await handler.run(event, remainingTime: { context.remainingTime })
        context.logger.info("job \(event.jobId): \(outcome)")
        return AsyncRunnerReport(jobId: event.jobId, outcome: "\(outcome)")
    }
})
