import DataAccess
import FoundationEssentials
import Testing
import PlatformAPI
@testable import BFF

@Suite struct SessionKeepaliveTests {
    static let sessionID = "7d1e0c52-9b8f-4f0e-a1a4-3c5d9e2b6f10-sess01"
    static let arn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/echo_agent-local"
    let clock = FakeClock()
    let caller = Caller(tenantID: try! TenantID(validating: "acme-basic"), appID: "acme-app", tier: .basic, subject: "u", roles: [])

    func keepalive(sessions: FakeSessions, runtime: FakeRuntime, region: String = "eu-central-1") -> SessionKeepalive {
        SessionKeepalive(sessions: sessions, agents: runtime, pinger: runtime, activeRegion: { region }, now: clock.function)
    }

    func request(agent: String = "echo-agent") -> SessionKeepaliveRequest {
        SessionKeepaliveRequest(sessionID: Self.sessionID, agentName: agent)
    }

    @Test func pingsInTheActiveRegionAndExtendsFifteenMinutes() async throws {
        let sessions = FakeSessions([RuntimeSession(tenantID: "acme-basic", sessionID: Self.sessionID, subject: "u", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)])
        let runtime = FakeRuntime(arns: ["echo-agent": Self.arn])
        let accepted = try await keepalive(sessions: sessions, runtime: runtime).keepAlive(request(), for: caller)
        #expect(accepted == .init(sessionID: Self.sessionID, expiresAt: clock.now.addingTimeInterval(900)))
        #expect(runtime.pings == [.init(runtimeARN: "arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/echo_agent-local",
                                        region: "eu-central-1", sessionID: "runtime-" + Self.sessionID)])
        #expect(sessions.extensions == [.init(tenantID: "acme-basic", sessionID: Self.sessionID,
                                              lastUsedAt: clock.now, expiresAt: clock.now.addingTimeInterval(900))])
    }

    @Test func anotherTenantsSessionIsNotFoundAndNeverPinged() async {
        let sessions = FakeSessions([RuntimeSession(tenantID: "globex-premium", sessionID: Self.sessionID, subject: "u", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)])
        let runtime = FakeRuntime(arns: ["echo-agent": Self.arn])
        await #expect(throws: BFFError.notFoundSession) {
            try await keepalive(sessions: sessions, runtime: runtime).keepAlive(request(), for: caller)
        }
        #expect(runtime.pings.isEmpty)
        #expect(sessions.extensions.isEmpty)
    }

    @Test func anotherUsersSessionOfTheSameTenantIsNotFoundAndNeverPinged() async {
        let sessions = FakeSessions([RuntimeSession(tenantID: "acme-basic", sessionID: Self.sessionID, subject: "someone-else", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)])
        let runtime = FakeRuntime(arns: ["echo-agent": Self.arn])
        await #expect(throws: BFFError.notFoundSession) {
            try await keepalive(sessions: sessions, runtime: runtime).keepAlive(request(), for: caller)
        }
        #expect(runtime.pings.isEmpty)
        #expect(sessions.extensions.isEmpty)
    }

    @Test func sessionOfAnotherAgentIsNotFound() async {
        let sessions = FakeSessions([RuntimeSession(tenantID: "acme-basic", sessionID: Self.sessionID, subject: "u", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)])
        let runtime = FakeRuntime(arns: ["echo-agent": Self.arn, "other-agent": Self.arn])
        await #expect(throws: BFFError.notFoundSession) {
            try await keepalive(sessions: sessions, runtime: runtime).keepAlive(request(agent: "other-agent"), for: caller)
        }
        #expect(runtime.pings.isEmpty)
    }

    @Test func unknownAgentIsNotFound() async {
        let sessions = FakeSessions([RuntimeSession(tenantID: "acme-basic", sessionID: Self.sessionID, subject: "u", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)])
        await #expect(throws: BFFError(code: .notFound, message: "agent not found")) {
            try await keepalive(sessions: sessions, runtime: FakeRuntime(arns: [:])).keepAlive(request(), for: caller)
        }
    }

    @Test(arguments: [
        (RuntimePingError.throttled(retryAfterSeconds: nil), APIError.Code.throttled),
        (.unavailable, .serviceUnavailable),
        (.failed(code: "ValidationException"), .runtimeInvocationFailed),
    ])
    func pingFailuresMapAndDoNotExtend(failure: RuntimePingError, code: APIError.Code) async {
        let sessions = FakeSessions([RuntimeSession(tenantID: "acme-basic", sessionID: Self.sessionID, subject: "u", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)])
        let runtime = FakeRuntime(arns: ["echo-agent": Self.arn], failure: failure)
        await #expect { try await keepalive(sessions: sessions, runtime: runtime).keepAlive(request(), for: caller) }
            throws: { ($0 as? BFFError)?.code == code }
        #expect(sessions.extensions.isEmpty)
    }

    @Test func storeFailureIsInternalWithoutCallerDetail() async {
        let sessions = FakeSessions([], failing: true)
        await #expect {
            try await keepalive(sessions: sessions, runtime: FakeRuntime(arns: [:])).keepAlive(request(), for: caller)
        } throws: { error in
            let error = error as! BFFError
            return error.api == .internalError && error.cause?.contains("StoreDown") == true
        }
    }
}
