import PlatformJSON
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import PlatformAPI

extension InvokeHandler {
    /// Async: a `pending` job, the agent starts its task, the async-runner is
    /// started, 202. A failure after the job was written leaves it `failed`.
    func invokeAsync(_ context: InvokeContext) async throws -> AsyncInvokeResponse {
        var webhook: Webhook?
        if let webhookID = context.request.webhookID {
            guard let found = try await context.store.webhook(webhookID), found.status == .active else {
                throw APIError(.unprocessableEntity, "webhookId does not name an active webhook of this tenant")
            }
            webhook = found
        }
        var job = Job(jobID: JobID(dependencies.newID()), tenantID: context.caller.tenantID, appID: context.caller.appID,
                      agentName: context.agent.agentName, agentVersion: context.agent.version,
                      webhookID: webhook?.webhookID, webhookURL: webhook?.callbackURL, now: dependencies.now())
        job.runtimeSessionID = context.runtimeSessionID
        try await context.store.putJob(job)

        let payload = try context.payload.encoded()
        var region = context.region.rawValue
        do {
            let answer = try await invokeBuffered(context, payload: payload, region: &region)
            let taskID = try Self.taskID(from: answer.body)
            try await dependencies.asyncRunner.start(AsyncRunnerEvent(
                jobId: job.jobID.rawValue, tenantId: job.tenantID.rawValue, taskId: taskID,
                runtimeSessionId: context.runtimeSessionID,
                runtimeArn: try RuntimeARN.rewriting(context.runtimeARN, toRegion: region), region: region,
                startedAt: DynamoDBItemTimestamp.string(from: job.createdAt)))
        } catch {
            let apiError = await recordFailure(error, context: context, region: region, jobID: job.jobID)
            if var failed = try? job.transitioned(to: .failed, now: dependencies.now()) {
                failed.errorMessage = "The agent did not accept the job (\(apiError.code.rawValue))."
                try? await context.store.putJob(failed)
            }
            throw apiError
        }
        await recorder(context).record(context.invocation(status: .success, region: region, answer: nil,
                                                          now: dependencies.now(), jobID: job.jobID))
        return AsyncInvokeResponse(jobID: job.jobID.rawValue, webhookRegistered: webhook != nil)
    }

    /// `{"accepted": true, "taskId": "..."}` from the agent.
    static func taskID(from body: Data) throws(AgentAnswer.Unusable) -> String {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body),
              fields["accepted"] == .bool(true), case .string(let taskID)? = fields["taskId"], !taskID.isEmpty
        else { throw AgentAnswer.Unusable(reason: "no accepted task id") }
        return taskID
    }
}
