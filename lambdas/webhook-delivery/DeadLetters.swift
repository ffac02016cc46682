import AWSCore
import FoundationEssentials

/// Where exhausted deliveries go (the webhook DLQ).
protocol DeadLetters: Sendable {
    func send(_ body: String) async throws
}

/// `DeadLetters` on SQS; without a queue URL (local default) nothing is sent.
struct SQSDeadLetters: DeadLetters {
    let sqs: SQSClient
    let queueURL: String?

    func send(_ body: String) async throws {
        guard let queueURL, !queueURL.isEmpty else { return }
        _ = try await sqs.sendMessage(queueURL: queueURL, body: body)
    }
}
