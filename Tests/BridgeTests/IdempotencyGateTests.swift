@testable import Bridge
import AWSCore
import DataAccess
import FoundationEssentials
import PlatformAPI
import Synchronization
import Testing

@Suite struct IdempotencyGateTests {
    @Test func anotherUsersEqualKeyIsAnotherKey() async throws {
        let fixture = BridgeFixture()
        let handler = fixture.handler
        let headers = ["Idempotency-Key": "same-key"]
        let mine = RecordingSink(), theirs = RecordingSink(), mineAgain = RecordingSink()
        try await handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#, headers: headers), sink: mine)
        try await handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#, subject: "other-user",
                                                      headers: headers), sink: theirs)
        try await handler.handle(BridgeFixture.invoke("echo-agent", body: #"{"input":"hi"}"#, headers: headers), sink: mineAgain)
        #expect(theirs.status == 200 && theirs.headers["Idempotent-Replayed"] == nil, "not the first user's answer")
        #expect(fixture.runtime.calls.withLock { $0.count } == 2)
        #expect(mineAgain.headers["Idempotent-Replayed"] == "true" && mineAgain.body == mine.body, "the first user's repeat still replays")
    }

    @Test func theStoredKeySeparatesApplicationSubjectAgentAndKey() throws {
        let agent = try AgentName(validating: "echo-agent")
        func caller(_ app: String, _ subject: String) -> Caller {
            Caller(tenantID: BridgeFixture.basic, appID: app, tier: nil, subject: subject, roles: [])
        }
        let keys = try [
            IdempotencyGate.storedKey("k", caller: caller("app", "user"), agent: agent),
            IdempotencyGate.storedKey("k", caller: caller("app2", "user"), agent: agent),
            IdempotencyGate.storedKey("k", caller: caller("app", "user2"), agent: agent),
            IdempotencyGate.storedKey("k", caller: caller("app", "user"), agent: try AgentName(validating: "echo-agent-async")),
            IdempotencyGate.storedKey("k2", caller: caller("app", "user"), agent: agent),
            // Joined without length prefixes these two would be the same text.
            IdempotencyGate.storedKey("k", caller: caller("app\nuser", ""), agent: agent),
        ]
        #expect(Set(keys).count == keys.count)
        #expect(keys[0] == (try IdempotencyGate.storedKey("k", caller: caller("app", "user"), agent: agent)))
    }
}

/// The DynamoDB idempotency store goes through the tenant-scoped client (ADR 0015).
@Suite struct DynamoDBIdempotencyStoreTests {
    final class RecordingTransport: HTTPTransport {
        let requests = Mutex<[HTTPRequest]>([])
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            requests.withLock { $0.append(request) }
            return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.0")]),
                                body: Data("{}".utf8))
        }
        func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                    onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
            let response = try await send(request)
            try await onHead(response)
            try await onChunk(response.body)
            return response
        }
    }

    private func store(for tenant: TenantID, transport: RecordingTransport) throws -> DynamoDBIdempotencyStore {
        let client = try AWSClient(service: .dynamoDB, environment: [
            "AWS_REGION": "eu-west-2", "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:1",
        ], transport: transport)
        return DynamoDBIdempotencyStore(
            scoped: TenantScopedDynamoDB(tenant: tenant, dynamoDB: DynamoDBClient(client: client),
                                         reporter: EMFAccessViolationReporter(write: { _ in })),
            table: "platform-idempotency")
    }

    @Test func anotherTenantsRecordIsRefusedWithoutARequest() async throws {
        let transport = RecordingTransport()
        let store = try store(for: BridgeFixture.basic, transport: transport)
        let foreign = IdempotencyRecord(tenantID: BridgeFixture.premium, idempotencyKey: try IdempotencyKey(validating: "invoke-x"),
                                        now: BridgeFixture.now, requestHash: "h")
        await #expect(throws: TenantAccessViolation.self) { _ = try await store.claim(foreign, now: BridgeFixture.now) }
        await #expect(throws: TenantAccessViolation.self) { try await store.complete(foreign) }
        await #expect(throws: TenantAccessViolation.self) { try await store.release(foreign) }
        #expect(transport.requests.withLock { $0.isEmpty })
    }

    @Test func anOwnClaimIsAConditionalPutCarryingTheRequestHash() async throws {
        let transport = RecordingTransport()
        let store = try store(for: BridgeFixture.basic, transport: transport)
        let record = IdempotencyRecord(tenantID: BridgeFixture.basic, idempotencyKey: try IdempotencyKey(validating: "invoke-x"),
                                       now: BridgeFixture.now, requestHash: "h")
        #expect(try await store.claim(record, now: BridgeFixture.now) == .claimed)
        let body = String(decoding: try #require(transport.requests.withLock { $0.first }).body, as: UTF8.self)
        #expect(body.contains("attribute_not_exists(PK) OR #ttl < :now"))
        #expect(body.contains(#""requestHash":{"S":"h"}"#))
        #expect(body.contains(#""PK":{"S":"IDEMPOTENCY#acme-basic#invoke-x"}"#))
    }
}
