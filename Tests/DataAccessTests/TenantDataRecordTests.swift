import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

/// Invocation, Job and Session: the tenant-partitioned, TTL'd records.
@Suite struct TenantDataRecordTests {
    @Test func invocationsAreKeyedByTimestampAndKept90Days() throws {
        var invocation = Invocation(
            invocationID: Fixtures.id("inv1"), tenantID: Fixtures.tenant(), appID: "app", agentName: Fixtures.agent,
            agentVersion: Fixtures.version, sessionID: Fixtures.id("s1"), inputTokens: 10, outputTokens: 20, latencyMs: 300,
            status: .success, runtimeRegion: Fixtures.region, invocationMode: .streaming, timestamp: Fixtures.now
        )
        #expect(invocation.ttl.rawValue == 1_795_610_096 + 90 * 86_400)
        invocation.jobID = Fixtures.id("j1")
        invocation.errorCode = "E"
        let (decoded, item) = try Fixtures.roundTrip(invocation)
        #expect(decoded == invocation && item["SK"] == .s("INV#2026-11-25T12:34:56.789Z#inv1"))
        #expect(Set(item.keys) == ["PK", "SK", "invocationId", "tenantId", "appId", "agentName", "agentVersion", "sessionId",
                                   "inputTokens", "outputTokens", "latencyMs", "status", "runtimeRegion", "invocationMode",
                                   "timestamp", "jobId", "errorCode", "ttl"])
        var moved = item
        moved["timestamp"] = .s("2026-11-25T12:34:56.790Z")
        #expect(Fixtures.decodingError(Invocation.self, moved)?.code == .keyMismatch)
    }

    @Test func jobsMoveThroughTheirStatesAndStampTimes() throws {
        let url = try CallbackURL(validating: "https://hooks.example.com/x", localReceivers: .none)
        let job = Job(jobID: Fixtures.id("j1"), tenantID: Fixtures.tenant(), appID: "app", agentName: Fixtures.agent,
                      agentVersion: Fixtures.version, webhookID: Fixtures.id("w1"), webhookURL: url, now: Fixtures.now)
        #expect(job.status == .pending && job.ttl.rawValue == 1_795_610_096 + 7 * 86_400)
        #expect(job.resultObjectKey == "tenants/acme/jobs/j1/result.json")
        let started = try job.transitioned(to: .running, now: Fixtures.now.addingTimeInterval(1))
        #expect(started.startedAt == Fixtures.now.addingTimeInterval(1) && started.completedAt == nil)
        var done = try started.transitioned(to: .completed, now: Fixtures.now.addingTimeInterval(2))
        #expect(done.completedAt == Fixtures.now.addingTimeInterval(2))
        #expect(throws: ValidationError(field: "status", code: .notAllowed, message: "a job cannot move from completed to running")) {
            try done.transitioned(to: .running, now: Fixtures.now)
        }
        done.runtimeSessionID = String(repeating: "r", count: 40)
        done.resultS3Key = done.resultObjectKey
        done.errorMessage = "none"
        done.webhookDelivered = true
        done.webhookDeliveryStatus = .delivered
        done.webhookDeliveryAttempts = 1
        done.webhookLastAttemptAt = Fixtures.now
        let (decoded, item) = try Fixtures.roundTrip(done)
        #expect(decoded == done && item["SK"] == .s("JOB#j1"))
        #expect(Set(item.keys) == ["PK", "SK", "jobId", "tenantId", "appId", "agentName", "agentVersion", "status", "createdAt",
                                   "startedAt", "completedAt", "runtimeSessionId", "resultS3Key", "errorMessage", "webhookId",
                                   "webhookUrl", "webhookDelivered", "webhookDeliveryStatus", "webhookDeliveryAttempts",
                                   "webhookLastAttemptAt", "ttl"])
        let failedEarly = try job.transitioned(to: .failed, now: Fixtures.now)
        #expect(failedEarly.completedAt == Fixtures.now && failedEarly.startedAt == nil)
    }

    @Test func sessionsExtendOnActivity() throws {
        let session = Session(sessionID: Fixtures.id("s1"), tenantID: Fixtures.tenant(), agentName: Fixtures.agent,
                              runtimeSessionID: String(repeating: "r", count: 33), now: Fixtures.now)
        #expect(session.expiresAt == Fixtures.now.addingTimeInterval(900) && session.ttl.rawValue == 1_795_610_096 + 86_400)
        let later = Fixtures.now.addingTimeInterval(600)
        let touched = session.touched(now: later)
        #expect(touched.lastActivityAt == later && touched.expiresAt == later.addingTimeInterval(900))
        #expect(touched.ttl.rawValue == 1_795_610_696 + 86_400 && touched.createdAt == Fixtures.now)
        let (decoded, item) = try Fixtures.roundTrip(touched)
        #expect(decoded == touched && item["SK"] == .s("SESSION#s1"))
        #expect(Set(item.keys) == ["PK", "SK", "sessionId", "tenantId", "agentName", "runtimeSessionId", "createdAt",
                                   "lastActivityAt", "expiresAt", "ttl"])
    }
}
