import AWSCore
import DataAccess
import FoundationEssentials
import Synchronization
import Testing
@testable import WebhookDelivery

@Suite struct WebhookDeliveryHandlerTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let tenant = try! TenantID(validating: "acme-basic")

    final class World: Sendable {
        struct State {
            var claims: [String: DeliveryStatus] = [:]
            var attempts: [(Int, DeliveryStatus)] = []
            var posts: [(url: String, address: String, body: Data, headers: [(String, String)])] = []
            /// What the fake resolver answers, by host; an unknown host resolves to nothing.
            var dns: [String: [CallbackAddress]] = ["127.0.0.1": [loopback], "hooks.example.com": [public1]]
            var answers: [Bool] = []
            var sleeps: [Duration] = []
            var deadLetters: [String] = []
            var metrics: [String] = []
        }
        let state = Mutex(State())
    }

    static let loopback = CallbackAddress(bytes: [127, 0, 0, 1])!
    static let public1 = CallbackAddress(bytes: [93, 184, 215, 14])!
    static let receivers = LocalWebhookReceivers(endpoints: ["127.0.0.1:9999"])

    struct Store: WebhookStore {
        let world: World
        let webhook: Webhook?
        func webhook(_ id: WebhookID) async throws -> Webhook? { webhook }
        func claimDelivery(of job: Job, status: DeliveryStatus, now: Date) async throws -> Bool {
            world.state.withLock { state in
                guard state.claims[job.jobID.rawValue] == nil else { return false }
                state.claims[job.jobID.rawValue] = status
                return true
            }
        }
        func recordAttempt(of job: Job, attempts: Int, status: DeliveryStatus, now: Date) async throws {
            world.state.withLock { $0.attempts.append((attempts, status)) }
        }
    }

    struct Sender: WebhookSender {
        let world: World
        func post(url: CallbackURL, address: CallbackAddress, body: Data, headers: [(String, String)]) async -> Bool {
            world.state.withLock { state in
                state.posts.append((url.rawValue, address.description, body, headers))
                return state.answers.isEmpty ? false : state.answers.removeFirst()
            }
        }
    }

    struct Resolver: CallbackResolver {
        let world: World
        func addresses(of host: String) async -> [CallbackAddress] { world.state.withLock { $0.dns[host] ?? [] } }
    }

    struct Letters: DeadLetters {
        let world: World
        func send(_ body: String) async throws { world.state.withLock { $0.deadLetters.append(body) } }
    }

    static func webhook(events: [WebhookEvent] = [.jobCompleted, .jobFailed], url: String = "http://127.0.0.1:9999/hook") throws -> Webhook {
        let registration = try WebhookRegistration(callbackUrl: url, events: events.map(\.rawValue))
            .validated(localReceivers: receivers)
        return Webhook(registration, webhookID: try WebhookID(validating: "hook-1"), tenantID: tenant, secret: "secret-1",
                       now: now)
    }

    func handler(_ world: World, webhook: Webhook?, receivers: LocalWebhookReceivers = receivers) -> WebhookDeliveryHandler {
        var dependencies = WebhookDeliveryDependencies(
            store: { _ in Store(world: world, webhook: webhook) }, sender: Sender(world: world), resolver: Resolver(world: world),
            deadLetters: Letters(world: world), metric: { name, _ in world.state.withLock { $0.metrics.append(name) } },
            log: { _ in }, now: { Self.now }, sleep: { duration in world.state.withLock { $0.sleeps.append(duration) } },
            random: { 0.5 })
        dependencies.localReceivers = receivers
        return WebhookDeliveryHandler(dependencies: dependencies)
    }

    static func job(_ status: JobStatus, webhook: Bool = true) throws -> Job {
        var job = Job(jobID: try JobID(validating: "job-1"), tenantID: tenant, appID: "app",
                      agentName: try AgentName(validating: "echo-agent-async"),
                      agentVersion: try SemanticVersion(validating: "1.0.0"),
                      webhookID: webhook ? try WebhookID(validating: "hook-1") : nil, now: now)
        if status != .pending { job = try job.transitioned(to: .running, now: now) }
        if status.isTerminal { job = try job.transitioned(to: status, now: now) }
        if status == .failed { job.errorMessage = "boom" }
        return job
    }

    struct RecordJSON: Encodable {
        struct Change: Encodable {
            var Keys: DynamoDBItem
            var NewImage: DynamoDBItem
            var OldImage: DynamoDBItem?
        }
        var eventID = "e1"
        var eventName: String
        var dynamodb: Change
    }

    static func record(old: Job?, new: Job) throws -> DynamoDBStreamRecord {
        let record = RecordJSON(eventName: old == nil ? "INSERT" : "MODIFY", dynamodb: .init(
            Keys: new.key.attributes, NewImage: try new.item(), OldImage: try old?.item()))
        return try JSONDecoder().decode(DynamoDBStreamRecord.self, from: JSONEncoder().encode(record))
    }

    @Test func signatureIsHMACOverTimestampAndBody() {
        let v1 = "v1=6c5e485d6d09c77572457d66914714e92d835d282f847de52a16c800b0895e33"
        #expect(WebhookSignature.header(secrets: ["secret-1"], body: Data(#"{"a":1}"#.utf8), timestamp: 1_795_000_000)
            == "t=1795000000,\(v1)")
        let both = WebhookSignature.header(secrets: ["secret-2", "secret-1"], body: Data(#"{"a":1}"#.utf8), timestamp: 1_795_000_000)
        #expect(both.hasPrefix("t=1795000000,v1=") && both.hasSuffix(",\(v1)") && both.split(separator: ",").count == 3)
    }

    @Test func downTwiceThenUpDeliversOnceWithBackoff() async throws {
        let world = World()
        world.state.withLock { $0.answers = [false, false, true] }
        let outcome = try await handler(world, webhook: try Self.webhook())
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.completed)))
        #expect(outcome == .delivered(attempts: 3))
        let state = world.state.withLock { $0 }
        #expect(state.posts.count == 3)
        #expect(state.sleeps == [.seconds(2), .seconds(4)])
        #expect(state.attempts.map(\.1) == [.retrying, .retrying, .delivered])
        let post = try #require(state.posts.last)
        let headers = Dictionary(uniqueKeysWithValues: post.headers)
        #expect(headers["X-Platform-Event-Id"] == "job-1:job.completed")
        #expect(headers["X-Platform-Signature"] == WebhookSignature.header(secrets: ["secret-1"], body: post.body,
                                                                            timestamp: 1_795_000_000))
        #expect(post.address == "127.0.0.1")
        let body = String(decoding: post.body, as: UTF8.self)
        #expect(body.contains(#""event":"job.completed""#) && body.contains(#""errorMessage":null"#))
    }

    @Test func alwaysDownFailsAfterFourAttemptsToTheDLQ() async throws {
        let world = World()
        let outcome = try await handler(world, webhook: try Self.webhook())
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.failed)))
        #expect(outcome == .failed(attempts: 4))
        let state = world.state.withLock { $0 }
        #expect(state.attempts.last?.1 == .failed)
        #expect(state.deadLetters.count == 1)
        #expect(state.metrics == ["WebhookDeliveryFailed"])
        #expect(state.deadLetters.first?.contains(#""errorMessage":"boom""#) == true)
    }

    @Test func onlyTheFirstTerminalTransitionCountsAndOnlyOnce() async throws {
        let world = World()
        world.state.withLock { $0.answers = [true, true] }
        let handler = handler(world, webhook: try Self.webhook())
        let first = try Self.record(old: try Self.job(.running), new: try Self.job(.completed))
        #expect(try await handler.handle(first) == .delivered(attempts: 1))
        #expect(try await handler.handle(first) == .alreadyClaimed, "a redelivered record")
        #expect(try await handler.handle(try Self.record(old: try Self.job(.completed), new: try Self.job(.completed)))
            == .ignored, "the delivery's own update")
        #expect(try await handler.handle(try Self.record(old: try Self.job(.pending), new: try Self.job(.running)))
            == .ignored)
        #expect(world.state.withLock { $0.posts.count } == 1)
    }

    @Test func noWebhookOrUnsubscribedEventIsSkipped() async throws {
        let none = World()
        #expect(try await handler(none, webhook: nil)
            .handle(try Self.record(old: nil, new: try Self.job(.failed, webhook: false))) == .skipped)
        #expect(none.state.withLock { $0.claims["job-1"] } == .skipped)
        let unsubscribed = World()
        #expect(try await handler(unsubscribed, webhook: try Self.webhook(events: [.jobCompleted]))
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.failed))) == .skipped)
        #expect(unsubscribed.state.withLock { $0.posts.isEmpty })
    }

    @Test func afterARotationDeliveriesCarryBothSignaturesForADay() async throws {
        let world = World()
        world.state.withLock { $0.answers = [true] }
        let rotated = try Self.webhook().rotatingSecret(to: "secret-2", now: Self.now.addingTimeInterval(-3600))
        _ = try await handler(world, webhook: rotated)
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.completed)))
        let post = try #require(world.state.withLock { $0.posts.first })
        #expect(Dictionary(uniqueKeysWithValues: post.headers)["X-Platform-Signature"]
            == WebhookSignature.header(secrets: ["secret-2", "secret-1"], body: post.body, timestamp: 1_795_000_000))
    }

    @Test func aPublicNameIsPinnedToTheAddressThatWasChecked() async throws {
        let world = World()
        world.state.withLock { $0.answers = [true] }
        let hook = try Self.webhook(url: "https://hooks.example.com/jobs")
        #expect(try await handler(world, webhook: hook, receivers: .none)
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.completed))) == .delivered(attempts: 1))
        #expect(world.state.withLock { $0.posts.map(\.address) } == ["93.184.215.14"])
    }

    /// A name that resolves to a private, loopback, link-local, metadata, ULA or
    /// CGNAT address (alone or next to a public one) is never called.
    @Test(arguments: [[10, 0, 0, 5], [127, 0, 0, 1], [169, 254, 169, 254], [100, 64, 0, 1], [192, 168, 1, 1], [172, 31, 0, 1],
                      [0, 0, 0, 0], [224, 0, 0, 1], [0xfd, 0, 0x0e, 0xc2] + Array(repeating: 0, count: 10) + [0x02, 0x54],
                      Array(repeating: 0, count: 10) + [0xff, 0xff, 127, 0, 0, 1], Array(repeating: 0, count: 15) + [1],
                      [0xfe, 0x80] + Array(repeating: 0, count: 13) + [1]] as [[UInt8]])
    func privateResolutionsAreNeverCalled(address: [UInt8]) async throws {
        let world = World()
        let hostile = try #require(CallbackAddress(bytes: address))
        world.state.withLock { $0.dns["hooks.example.com"] = [Self.public1, hostile]; $0.answers = [true, true, true, true] }
        let hook = try Self.webhook(url: "https://hooks.example.com/jobs")
        #expect(try await handler(world, webhook: hook, receivers: .none)
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.completed))) == .failed(attempts: 4))
        #expect(world.state.withLock { $0.posts.isEmpty })
    }

    @Test func aNameThatDoesNotResolveFailsAfterItsRetries() async throws {
        let world = World()
        let hook = try Self.webhook(url: "https://gone.example.com/jobs")
        #expect(try await handler(world, webhook: hook, receivers: .none)
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.failed))) == .failed(attempts: 4))
        #expect(world.state.withLock { $0.posts.isEmpty && $0.deadLetters.count == 1 })
    }

    @Test func aLocalReceiverIsCalledOnlyWhileConfiguredAndOnLoopback() async throws {
        let unlisted = World()
        #expect(try await handler(unlisted, webhook: try Self.webhook(), receivers: .none)
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.completed))) == .skipped)
        let moved = World()
        moved.state.withLock { $0.dns["127.0.0.1"] = [Self.public1] }
        #expect(try await handler(moved, webhook: try Self.webhook())
            .handle(try Self.record(old: try Self.job(.running), new: try Self.job(.completed))) == .failed(attempts: 4))
        #expect(unlisted.state.withLock { $0.posts.isEmpty } && moved.state.withLock { $0.posts.isEmpty })
    }
}
