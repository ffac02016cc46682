import AWSCore
import Foundation
@testable import LocalAgentCore
import Synchronization
import Testing

@Suite(.serialized) struct LocalAgentCoreIntegrationTests {
    private func payload(_ fields: [String: Any]) -> Data {
        try! JSONSerialization.data(withJSONObject: fields)
    }

    @Test func syncPayloadReachesTheAgentAndTheAnswerComesBack() async throws {
        let session = LocalRuntime.session()
        let response = try await LocalRuntime.client().invoke(.init(
            runtimeARN: LocalRuntime.arn(), sessionID: session,
            payload: payload(["prompt": "hello world", "mode": "sync", "tenantId": "acme-basic", "appId": "a"])))
        #expect(response.status == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        #expect(body["output"] as? String == "echo: hello world")
        #expect(body["sessionId"] as? String == session)
        #expect(response.sessionID == session)
    }

    @Test func streamingArrivesIncrementally() async throws {
        let arrivals = Mutex<[Date]>([])
        let collected = Mutex(Data())
        let started = Date()
        _ = try await LocalRuntime.client().invokeStreaming(.init(
            runtimeARN: LocalRuntime.arn(), sessionID: LocalRuntime.session(),
            payload: payload(["prompt": "one two three four", "mode": "streaming", "context": ["paceMs": 400]]))) { chunk in
            arrivals.withLock { $0.append(Date()) }
            collected.withLock { $0.append(chunk) }
        }
        let times = arrivals.withLock { $0 }
        let text = String(decoding: collected.withLock { $0 }, as: UTF8.self)
        #expect(text.contains("\"type\": \"done\"") || text.contains("\"type\":\"done\""))
        #expect(times.count >= 3, "several chunks, not one buffered body")
        let first = try #require(times.first), last = try #require(times.last)
        #expect(last.timeIntervalSince(first) > 0.8, "the last event comes well after the first (1.6 s of pacing)")
        #expect(first.timeIntervalSince(started) < last.timeIntervalSince(started) - 0.8)
    }

    @Test func wrongSecretIsRefused() async throws {
        await #expect(throws: AWSError.self) {
            _ = try await LocalRuntime.client(secret: "wrong").invoke(.init(
                runtimeARN: LocalRuntime.arn(), sessionID: LocalRuntime.session(), payload: payload(["prompt": "x"])))
        }
    }

    @Test func shortSessionIdIsAValidationError() async throws {
        do {
            _ = try await LocalRuntime.client().invoke(.init(
                runtimeARN: LocalRuntime.arn(), sessionID: "short", payload: payload(["prompt": "x"])))
            Issue.record("accepted a short session id")
        } catch let error as AWSError {
            #expect(error.code == "ValidationException")
            #expect(error.status == 400)
        }
    }

    @Test func injectedFaultsApplyToTheirRegionOnly() async throws {
        LocalRuntime.server.faults.set(.init(error: "ServiceUnavailableException", remaining: 1), region: "eu-west-1")
        do {
            _ = try await LocalRuntime.client().invoke(.init(
                runtimeARN: LocalRuntime.arn(), sessionID: LocalRuntime.session(), payload: payload(["prompt": "x"])))
            Issue.record("the fault did not fire")
        } catch let error as AWSError {
            #expect(error.code == "ServiceUnavailableException")
            #expect(error.status == 503)
        }
        LocalRuntime.server.faults.set(.init(error: "ThrottlingException", remaining: nil), region: "eu-central-1")
        defer { LocalRuntime.server.faults.clearAll() }
        let unaffected = try await LocalRuntime.client().invoke(.init(
            runtimeARN: LocalRuntime.arn(), sessionID: LocalRuntime.session(), payload: payload(["prompt": "x"])))
        #expect(unaffected.status == 200)
        await #expect(throws: AWSError.self) {
            _ = try await LocalRuntime.client(region: "eu-central-1").invoke(.init(
                runtimeARN: LocalRuntime.arn(region: "eu-central-1"), sessionID: LocalRuntime.session(),
                payload: payload(["prompt": "x"])))
        }
    }

    @Test func agentErrorBecomesRuntimeClientError() async throws {
        do {
            _ = try await LocalRuntime.client().invoke(.init(
                runtimeARN: LocalRuntime.arn(), sessionID: LocalRuntime.session(), payload: payload(["prompt": ""])))
            Issue.record("an empty prompt was accepted")
        } catch let error as AWSError {
            #expect(error.code == "RuntimeClientError")
        }
    }

    @Test func unknownRuntimeIsNotFound() async throws {
        do {
            _ = try await LocalRuntime.client().invoke(.init(
                runtimeARN: LocalRuntime.arn("no_such_agent-local"), sessionID: LocalRuntime.session(),
                payload: payload(["prompt": "x"])))
            Issue.record("an unknown runtime answered")
        } catch let error as AWSError {
            #expect(error.code == "ResourceNotFoundException")
        }
    }
}
