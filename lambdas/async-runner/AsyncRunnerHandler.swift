import PlatformJSON
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials

/// Advances one job `pending -> running -> completed|failed` by polling the
/// agent's task in the job's runtime session; continues itself before the
/// Lambda deadline; gives up after 8 hours.
struct AsyncRunnerHandler: Sendable {
    let dependencies: AsyncRunnerDependencies

    /// How the invocation ended, for logs and tests.
    enum Outcome: Equatable, Sendable {
        case completed, failed(String), continued, alreadyFinished, jobNotFound
    }

    /// `remainingTime` is the Lambda context's time left.
    func run(_ event: AsyncRunnerEvent, remainingTime: @Sendable () -> Duration) async throws -> Outcome {
        let tenantID = try TenantID(validating: event.tenantId)
        let store = dependencies.jobs(tenantID)
        guard var job = try await store.job(try JobID(validating: event.jobId)) else { return .jobNotFound }
        guard !job.status.isTerminal else { return .alreadyFinished }
        if job.status == .pending {
            job = try job.transitioned(to: .running, now: dependencies.now())
            try await store.putJob(job)
        }
        guard let tenant = try await store.tenant() else { return try await fail(job, "the tenant no longer exists", store) }
        let credentials = try await dependencies.credentials.credentials(for: tenant)
        let startedAt = DynamoDBItemTimestamp.date(from: event.startedAt) ?? job.createdAt
        let payload = try JSONEncoder().encode(["action": "job_status", "taskId": event.taskId, "tenantId": event.tenantId])
        var failures = 0
        while true {
            if dependencies.now().timeIntervalSince(startedAt) > dependencies.maximumAge {
                return try await fail(job, "The job did not finish within 8 hours.", store)
            }
            let status: TaskStatus
            do {
                let answer = try await dependencies.runtime.invoke(RuntimeCall(
                    runtimeARN: event.runtimeArn, region: event.region, sessionID: event.runtimeSessionId,
                    payload: payload, credentials: credentials))
                status = TaskStatus(body: answer.body)
                failures = 0
            } catch {
                failures += 1
                dependencies.log("job \(event.jobId): job_status poll failed (\(failures)): \(type(of: error))")
                if failures >= dependencies.maximumPollFailures {
                    return try await fail(job, "The agent runtime could not be reached.", store)
                }
                status = .running
            }
            switch status {
            case .completed(let result):
                return try await complete(job, result: result, store: store)
            case .failed(let message):
                return try await fail(job, message, store)
            case .unknown:
                return try await fail(job, "The agent no longer knows the task (its session ended).", store)
            case .running:
                if remainingTime() < dependencies.deadlineMargin + dependencies.pollInterval {
                    var next = event
                    next.continuation += 1
                    try await dependencies.continuation.continueWith(next)
                    return .continued
                }
                try await dependencies.sleep(dependencies.pollInterval)
            }
        }
    }

    private func complete(_ job: Job, result: JSONValue, store: any JobStore) async throws -> Outcome {
        var completed = try job.transitioned(to: .completed, now: dependencies.now())
        let document: JSONValue = .object([
            "jobId": .string(job.jobID.rawValue), "agentName": .string(job.agentName.rawValue),
            "agentVersion": .string(job.agentVersion.rawValue),
            "completedAt": .string(DynamoDBItemTimestamp.string(from: completed.completedAt ?? dependencies.now())),
            "result": result,
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The result is written before the job says completed, so a completed job always has one.
        try await store.putResult(try encoder.encode(document), at: job.resultObjectKey)
        completed.resultS3Key = job.resultObjectKey
        try await store.putJob(completed)
        return .completed
    }

    private func fail(_ job: Job, _ message: String, _ store: any JobStore) async throws -> Outcome {
        var failed = try job.transitioned(to: .failed, now: dependencies.now())
        failed.errorMessage = message
        try await store.putJob(failed)
        return .failed(message)
    }
}
