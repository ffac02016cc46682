import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

/// Invocation, Job and Session: the tenant-partitioned, TTL'd records.
@Suite struct TenantDataRecordTests {
    @Test func invocationsAreKeyedByTimestampAndKept90Days() throws {
        var invocation = Invocation(
            invocationID: Fixtures.id("inv1"), tenantID: Fixtures.tenant(), appID: "app", agentName: Fixtures.agent,
            agentVersion: Fixtures.version, sessionID: try SessionID(validating: "s1"), inputTokens: 10, outputTokens: 20, latencyMs: 300,
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

    @Test func sessionsExtendOnUseAndNameTheirOwner() throws {
        let session = Session(sessionID: try SessionID(validating: "s1"), tenantID: Fixtures.tenant(), subject: "user-1",
                              agentName: Fixtures.agent, runtimeSessionID: String(repeating: "r", count: 64), now: Fixtures.now)
        #expect(session.expiresAt == Fixtures.now.addingTimeInterval(900) && session.ttl.rawValue == 1_795_610_096 + 86_400)
        #expect(session.isOwned(bySubject: "user-1", agentName: Fixtures.agent))
        #expect(!session.isOwned(bySubject: "user-2", agentName: Fixtures.agent))
        #expect(!session.isOwned(bySubject: "user-1", agentName: try AgentName(validating: "other-agent")))
        let later = Fixtures.now.addingTimeInterval(600)
        let touched = session.touched(now: later)
        #expect(touched.lastUsedAt == later && touched.expiresAt == later.addingTimeInterval(900))
        #expect(touched.ttl.rawValue == 1_795_610_696 + 86_400 && touched.createdAt == Fixtures.now)
        let (decoded, item) = try Fixtures.roundTrip(touched)
        #expect(decoded == touched && item["SK"] == .s("SESSION#s1"))
        #expect(Set(item.keys) == ["PK", "SK", "sessionId", "tenantId", "subject", "agentName", "runtimeSessionId", "createdAt",
                                   "lastUsedAt", "expiresAt", "ttl"])
    }

    @Test func sessionIDsRecordEveryHandleTheContractAccepts() throws {
        let longest = "A" + String(repeating: "b_-9", count: 63) + "xyz"
        #expect(longest.count == 256)
        #expect(try SessionID(clientHandle: longest).rawValue == longest)
        #expect(try SessionID(validating: longest).rawValue == longest, "a 256-character handle is recordable")
        #expect(try SessionID(clientHandle: String(repeating: "a", count: 33)).rawValue.count == 33)
        let record = Invocation(
            invocationID: Fixtures.id("inv1"), tenantID: Fixtures.tenant(), appID: "app", agentName: Fixtures.agent,
            agentVersion: Fixtures.version, sessionID: try SessionID(clientHandle: longest), inputTokens: 0, outputTokens: 0,
            latencyMs: 0, status: .success, runtimeRegion: Fixtures.region, invocationMode: .sync, timestamp: Fixtures.now)
        #expect(try Fixtures.roundTrip(record).0.sessionID.rawValue == longest)
        let clientRule = ValidationError(field: "sessionId", code: .invalidFormat, message: SessionID.clientRule)
        for bad in [String(repeating: "a", count: 32), longest + "c", "-" + String(repeating: "a", count: 40),
                    "_" + String(repeating: "a", count: 40), String(repeating: "a", count: 40) + "/",
                    String(repeating: "a", count: 40) + "é"] {
            #expect(throws: clientRule) { try SessionID(clientHandle: bad) }
        }
        let storedRule = ValidationError(field: "sessionId", code: .invalidFormat,
                                         message: "must be 1-256 letters, digits, underscores or hyphens")
        for bad in ["", longest + "c", "a#b", "a b"] {
            #expect(throws: storedRule) { try SessionID(validating: bad) }
        }
        let uuid = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(SessionID(uuid).rawValue == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f-session")
        #expect((try? SessionID(clientHandle: SessionID(uuid).rawValue)) != nil)
    }
}
