import AWSCore
import DataAccess
import FoundationEssentials

/// Delivers `job.completed` / `job.failed` for each job stream record that is
/// a job's first transition into a terminal state, exactly once per job event.
struct WebhookDeliveryHandler: Sendable {
    let dependencies: WebhookDeliveryDependencies

    enum Outcome: Equatable, Sendable {
        case ignored, alreadyClaimed, skipped, delivered(attempts: Int), failed(attempts: Int)
    }

    func handle(_ records: [DynamoDBStreamRecord]) async -> [Outcome] {
        var outcomes: [Outcome] = []
        for record in records {
            do {
                outcomes.append(try await handle(record))
            } catch {
                // A store failure: the record is not claimed, so a redelivery of the batch can retry it.
                dependencies.log("stream record \(record.eventID) not processed: \(type(of: error))")
                outcomes.append(.ignored)
            }
        }
        return outcomes
    }

    func handle(_ record: DynamoDBStreamRecord) async throws -> Outcome {
        guard record.eventName != .remove, let newImage = record.newImage,
              let job = try? Job(item: newImage), job.status.isTerminal else { return .ignored }
        if let oldImage = record.oldImage, let old = try? Job(item: oldImage), old.status.isTerminal { return .ignored }
        let event: WebhookEvent = job.status == .completed ? .jobCompleted : .jobFailed
        let store = dependencies.store(job.tenantID)
        var webhook: Webhook?
        if let id = job.webhookID { webhook = try await store.webhook(id) }
        guard let webhook, webhook.receives(event), webhook.callbackURL.isAllowed(localReceivers: dependencies.localReceivers)
        else {
            _ = try await store.claimDelivery(of: job, status: .skipped, now: dependencies.now())
            return .skipped
        }
        guard try await store.claimDelivery(of: job, status: .retrying, now: dependencies.now()) else { return .alreadyClaimed }
        return try await deliver(job: job, event: event, webhook: webhook, store: store)
    }

    private func deliver(job: Job, event: WebhookEvent, webhook: Webhook, store: any WebhookStore) async throws -> Outcome {
        let body = try WebhookEventPayload(job: job, event: event).body()
        let attempts = dependencies.retries + 1
        for attempt in 1...attempts {
            if attempt > 1 { try await dependencies.sleep(delay(beforeRetry: attempt - 1)) }
            let now = dependencies.now()
            let timestamp = Int64(now.timeIntervalSince1970)
            let headers = [("Content-Type", "application/json"),
                           ("X-Platform-Event-Id", "\(job.jobID.rawValue):\(event.rawValue)"),
                           ("X-Platform-Signature", WebhookSignature.header(secrets: webhook.signingSecrets(at: now), body: body,
                                                                            timestamp: timestamp))]
            var delivered = false
            // Resolved on every attempt (the name may change), checked, and pinned for the connection.
            if let address = await checkedAddress(of: webhook.callbackURL) {
                delivered = await dependencies.sender.post(url: webhook.callbackURL, address: address, body: body, headers: headers)
            } else {
                dependencies.log("job \(job.jobID.rawValue) \(event.rawValue): callback host does not resolve to an allowed address")
            }
            let status: DeliveryStatus = delivered ? .delivered : (attempt == attempts ? .failed : .retrying)
            try await store.recordAttempt(of: job, attempts: attempt, status: status, now: dependencies.now())
            if delivered {
                dependencies.metric("WebhookDelivered", job.tenantID.rawValue)
                return .delivered(attempts: attempt)
            }
            dependencies.log("job \(job.jobID.rawValue) \(event.rawValue): delivery attempt \(attempt) failed")
        }
        dependencies.metric("WebhookDeliveryFailed", job.tenantID.rawValue)
        try? await dependencies.deadLetters.send(String(decoding: body, as: UTF8.self))
        return .failed(attempts: attempts)
    }

    /// The address to connect to: every address the host resolves to must be
    /// public (or, for a configured local receiver, loopback), else none, so a
    /// name that also points at a private address is never called.
    func checkedAddress(of url: CallbackURL) async -> CallbackAddress? {
        let addresses = await dependencies.resolver.addresses(of: url.host)
        let isLocalReceiver = dependencies.localReceivers.contains(url)
        guard let first = addresses.first,
              addresses.allSatisfy({ isLocalReceiver ? $0.isLoopback : $0.isPublic }) else { return nil }
        return first
    }

    /// About `retryBase * 2^(n-1)`, jittered by ±25 %.
    func delay(beforeRetry retry: Int) -> Duration {
        let base = dependencies.retryBase * (1 << (retry - 1))
        return base * (0.75 + dependencies.random() * 0.5)
    }
}
