import AgentInvocation
@testable import AsyncRunner
import AWSCore
import DataAccess
import FoundationEssentials
import Synchronization
import Testing

@Suite struct AsyncRunnerHandlerTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let tenant = try! TenantID(validating: "acme-basic")

    final class World: Sendable {
        struct State {
            var jobs: [String: Job] = [:]
            var results: [String: Data] = [:]
            var continued: [AsyncRunnerEvent] = []
            var polls = 0
            var now = AsyncRunnerHandlerTests.start
            var jobPuts: [JobStatus] = []
        }
        let state = Mutex(State())
    }

    struct Store: JobStore {
        let world: World
        func tenant() async throws -> Tenant? {
            let registration = try TenantRegistration(
                tenantId: "acme-basic", appId: "app", displayName: "Acme", tier: "basic", ownerEmail: "o@acme.example",
                ownerTeam: "t", accountId: "123456789012", monthlyBudgetUsd: 1).validated()
            return Tenant(registration, now: AsyncRunnerHandlerTests.start)
        }
        func job(_ id: JobID) async throws -> Job? { world.state.withLock { $0.jobs[id.rawValue] } }
        func putJob(_ job: Job) async throws {
            world.state.withLock { $0.jobs[job.jobID.rawValue] = job; $0.jobPuts.append(job.status) }
        }
        func putResult(_ body: Data, at key: String) async throws { world.state.withLock { $0.results[key] = body } }
    }

    struct Credentials: TenantCredentialSource {
        func credentials(for tenant: Tenant) async throws -> any CredentialProvider {
            StaticCredentialProvider(AWSCredentials(accessKeyID: "a", secretAccessKey: "s"))
        }
    }

    /// Answers `job_status` from a script, one entry per poll (the last repeats).
    struct Runtime: AgentRuntime {
        let world: World
        let answers: [String]
        func invoke(_ call: RuntimeCall) async throws -> RuntimeAnswer {
            let poll = world.state.withLock { $0.polls += 1; return $0.polls }
            let body = answers[min(poll, answers.count) - 1]
            if body == "unavailable" {
                throw AWSError(service: "Bedrock AgentCore", code: "ServiceUnavailableException", message: "", status: 503)
            }
            return RuntimeAnswer(contentType: "application/json", body: Data(body.utf8))
        }
        func stream(_ call: RuntimeCall, onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> RuntimeAnswer {
            try await invoke(call)
        }
    }

    struct Continuation: RunnerContinuation {
        let world: World
        func continueWith(_ event: AsyncRunnerEvent) async throws { world.state.withLock { $0.continued.append(event) } }
    }

    func handler(_ world: World, answers: [String], pollSeconds: Int64 = 5) -> AsyncRunnerHandler {
        var dependencies = AsyncRunnerDependencies(
            jobs: { _ in Store(world: world) }, credentials: Credentials(), runtime: Runtime(world: world, answers: answers),
            continuation: Continuation(world: world), log: { _ in }, now: { world.state.withLock { $0.now } },
            sleep: { duration in
                world.state.withLock { $0.now += Double(duration.components.seconds) }
            })
        dependencies.pollInterval = .seconds(pollSeconds)
        return AsyncRunnerHandler(dependencies: dependencies)
    }

    func seed(_ world: World) throws -> AsyncRunnerEvent {
        let job = Job(jobID: try JobID(validating: "job-1"), tenantID: Self.tenant, appID: "app",
                      agentName: try AgentName(validating: "echo-agent-async"),
                      agentVersion: try SemanticVersion(validating: "1.0.0"), now: Self.start)
        world.state.withLock { $0.jobs["job-1"] = job }
        return AsyncRunnerEvent(jobId: "job-1", tenantId: "acme-basic", taskId: "task-1",
                                runtimeSessionId: String(repeating: "s", count: 40),
                                runtimeArn: "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/echo_agent_async-local",
                                region: "eu-west-1", startedAt: DynamoDBItemTimestamp.string(from: Self.start))
    }

    @Test func pollsUntilCompletedAndWritesTheResultFirst() async throws {
        let world = World()
        let event = try seed(world)
        let outcome = try await handler(world, answers: [
            #"{"taskId":"task-1","status":"running"}"#, #"{"taskId":"task-1","status":"running"}"#,
            #"{"taskId":"task-1","status":"completed","result":{"output":"echo: job"}}"#,
        ]).run(event, remainingTime: { .seconds(900) })
        #expect(outcome == .completed)
        let (job, result, puts) = world.state.withLock { ($0.jobs["job-1"], $0.results, $0.jobPuts) }
        #expect(puts == [.running, .completed])
        #expect(job?.status == .completed)
        #expect(job?.resultS3Key == "tenants/acme-basic/jobs/job-1/result.json")
        let body = try #require(result["tenants/acme-basic/jobs/job-1/result.json"])
        #expect(String(decoding: body, as: UTF8.self).contains(#""result":{"output":"echo: job"}"#))
        #expect(job?.startedAt == Self.start)
    }

    @Test func agentFailureFailsTheJobWithItsMessage() async throws {
        let world = World()
        let outcome = try await handler(world, answers: [#"{"taskId":"task-1","status":"failed","errorMessage":"boom"}"#])
            .run(try seed(world), remainingTime: { .seconds(900) })
        #expect(outcome == .failed("boom"))
        #expect(world.state.withLock { $0.jobs["job-1"]?.errorMessage } == "boom")
        #expect(world.state.withLock { $0.results.isEmpty })
    }

    @Test func continuesItselfBeforeTheDeadline() async throws {
        let world = World()
        let outcome = try await handler(world, answers: [#"{"taskId":"task-1","status":"running"}"#])
            .run(try seed(world), remainingTime: { .seconds(20) })
        #expect(outcome == .continued)
        let continued = world.state.withLock { $0.continued }
        #expect(continued.map(\.continuation) == [1])
        #expect(world.state.withLock { $0.jobs["job-1"]?.status } == .running)
    }

    @Test func givesUpAfterEightHours() async throws {
        let world = World()
        let outcome = try await handler(world, answers: [#"{"taskId":"task-1","status":"running"}"#], pollSeconds: 3600)
            .run(try seed(world), remainingTime: { .seconds(100_000) })
        #expect(outcome == .failed("The job did not finish within 8 hours."))
        #expect(world.state.withLock { $0.polls } == 9)
    }

    @Test func unknownTaskAndUnreachableRuntimeFailTheJob() async throws {
        let lost = World()
        #expect(try await handler(lost, answers: [#"{"taskId":"task-1","status":"unknown"}"#])
            .run(try seed(lost), remainingTime: { .seconds(900) }) == .failed("The agent no longer knows the task (its session ended)."))
        let down = World()
        #expect(try await handler(down, answers: ["unavailable"]).run(try seed(down), remainingTime: { .seconds(900) })
            == .failed("The agent runtime could not be reached."))
        #expect(down.state.withLock { $0.polls } == 5)
    }

    @Test func aFinishedJobIsLeftAlone() async throws {
        let world = World()
        let event = try seed(world)
        _ = try await handler(world, answers: [#"{"status":"failed","errorMessage":"x"}"#]).run(event, remainingTime: { .seconds(900) })
        let again = try await handler(world, answers: [#"{"status":"completed","result":1}"#]).run(event, remainingTime: { .seconds(900) })
        #expect(again == .alreadyFinished)
    }
}
