import Synchronization
import Testing
@testable import AWSCore

@Suite struct RetryPolicyTests {
    final class Recorder: Sendable {
        let sleeps = Mutex<[Duration]>([])
        let attempts = Mutex(0)
    }

    func policy(_ recorder: Recorder, random: Double = 0.5) -> RetryPolicy {
        RetryPolicy(random: { random }, sleep: { delay in recorder.sleeps.withLock { $0.append(delay) } })
    }

    func error(_ code: String, _ status: Int) -> AWSError { AWSError(service: "S", code: code, message: "", status: status) }

    @Test func retriesThrottlingWithFullJitterExponentialBackoffAtMostThreeTimes() async {
        let recorder = Recorder()
        await #expect(throws: AWSError.self) {
            try await policy(recorder).run { () async throws -> Int in
                recorder.attempts.withLock { $0 += 1 }
                throw error("ThrottlingException", 400)
            }
        }
        #expect(recorder.attempts.withLock { $0 } == 3)
        #expect(recorder.sleeps.withLock { $0 } == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func succeedsAfterATransientFailure() async throws {
        let recorder = Recorder()
        let value = try await policy(recorder).run { () async throws -> String in
            let attempt = recorder.attempts.withLock { $0 += 1; return $0 }
            if attempt == 1 { throw error("InternalServerError", 500) }
            return "ok"
        }
        #expect(value == "ok")
        #expect(recorder.attempts.withLock { $0 } == 2)
    }

    @Test(arguments: ["ConditionalCheckFailedException", "TransactionCanceledException", "ValidationException",
                      "AccessDeniedException"])
    func neverRetriesDecisionsOrClientErrors(_ code: String) async {
        let recorder = Recorder()
        await #expect(throws: AWSError.self) {
            try await policy(recorder).run { () async throws -> Int in
                recorder.attempts.withLock { $0 += 1 }
                throw error(code, 400)
            }
        }
        #expect(recorder.attempts.withLock { $0 } == 1)
        #expect(recorder.sleeps.withLock { $0 }.isEmpty)
    }

    @Test func classifiesErrors() {
        #expect(RetryPolicy.isRetryable(error("SlowDown", 503)))
        #expect(RetryPolicy.isRetryable(error("Anything", 502)))
        #expect(!RetryPolicy.isRetryable(error("TransactionCanceledException", 500)))
        #expect(RetryPolicy.isRetryable(TransportError.connectionRefused(host: "h")))
        #expect(RetryPolicy.isRetryable(TransportError.timedOut(host: "h", connected: false, seconds: 1)))
        #expect(!RetryPolicy.isRetryable(TransportError.timedOut(host: "h", connected: true, seconds: 1)))
        #expect(!RetryPolicy.isRetryable(TransportError.dnsFailure(host: "h")))
        #expect(RetryPolicy.isRetryable(AWSResponseError(service: "S", operation: "O", status: 503, reason: "")))
        #expect(!RetryPolicy.isRetryable(AWSResponseError(service: "S", operation: "O", status: 200, reason: "")))
        #expect(!RetryPolicy.isRetryable(CancellationError()))
    }

    @Test func delayIsCappedAtTheMaximum() {
        let policy = RetryPolicy(maxDelay: .seconds(1), random: { 0.999 })
        #expect(policy.delay(afterAttempt: 20) <= .seconds(1))
        #expect(policy.delay(afterAttempt: 20) > .milliseconds(990))
    }
}
