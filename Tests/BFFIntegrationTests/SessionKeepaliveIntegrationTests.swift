import AWSCore
import DataAccess
import Foundation
import LambdaEvents
import PlatformTestSupport
import Testing
@testable import BFF

/// Keep-alive's tenant check against real tables on moto: a session is found only in the
/// caller's own partition, and nothing is pinged or written otherwise.
@Suite struct SessionKeepaliveIntegrationTests {
    struct Stack {
        let handler: BFFHandler
        let dynamoDB: DynamoDBClient
        let sessionsTable: String
        let owner: TenantID
        let session: Session
    }

    func stack(dataPlane: RecordingDataPlane? = nil) async throws -> Stack {
        let aws = try LocalAWS()
        let dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        let tables = try await TestTables.create(["platform-sessions", "platform-agents"], in: dynamoDB)
        let now = Date()
        let owner = try TenantID(validating: LocalAWS.unique("acme"))
        let session = Session(sessionID: try SessionID(validating: "sess-" + UUID().uuidString), tenantID: owner,
                              subject: "user@\(owner.rawValue)", agentName: try AgentName(validating: "echo-agent"),
                              runtimeSessionID: "rt-" + UUID().uuidString, now: now.addingTimeInterval(-60))
        try await dynamoDB.putItem(.init(tableName: tables["SESSIONS_TABLE"]!, item: try session.item()))
        var agent = AgentVersion(agentName: session.agentName, version: try SemanticVersion(validating: "1.0.0"),
                                 ownerTeam: "platform", tierMinimum: .basic, invocationMode: .sync, streamingEnabled: true)
        agent.status = .promoted
        agent.runtimeARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/echo_agent-local"
        try await dynamoDB.putItem(.init(tableName: tables["AGENTS_TABLE"]!, item: try agent.item()))

        var environment = aws.environment.merging(tables) { $1 }
        environment["ENTRA_AUDIENCE"] = "api://agent-platform"
        environment["ENTRA_TOKEN_URL"] = "http://127.0.0.1:9/unused"
        environment["PLATFORM_ENV"] = "unused"
        if let dataPlane { environment["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"] = dataPlane.url }
        let handler = try BFFHandler.live(configuration: try BFFConfiguration(environment: environment),
                                          environment: environment, transport: aws.transport)
        return Stack(handler: handler, dynamoDB: dynamoDB, sessionsTable: tables["SESSIONS_TABLE"]!, owner: owner, session: session)
    }

    func keepalive(_ stack: Stack, as tenantID: String, sessionID: String, agent: String = "echo-agent") async -> APIGatewayProxyResponse {
        await stack.handler.handle(ProxyEvent.post("/v1/bff/session-keepalive",
                                                   body: #"{"sessionId":"\#(sessionID)","agentName":"\#(agent)"}"#,
                                                   tenantID: tenantID))
    }

    func storedSession(_ stack: Stack) async throws -> Session {
        let item = try await stack.dynamoDB.getItem(.init(tableName: stack.sessionsTable, key: stack.session.key.attributes,
                                                          consistentRead: true))
        return try Session(item: try #require(item))
    }

    @Test func anotherTenantsSessionIsNotFoundAndUntouched() async throws {
        let stack = try await stack()
        let before = try await storedSession(stack)
        let response = await keepalive(stack, as: LocalAWS.unique("globex"), sessionID: stack.session.sessionID.rawValue)
        #expect(response.statusCode == 404)
        #expect(response.body?.contains(#""code":"NOT_FOUND""#) == true)
        #expect(try await storedSession(stack) == before)
    }

    @Test func anotherUsersSessionOfTheSameTenantIsNotFoundAndUntouched() async throws {
        let stack = try await stack()
        let before = try await storedSession(stack)
        var event = ProxyEvent.post("/v1/bff/session-keepalive",
                                    body: #"{"sessionId":"\#(stack.session.sessionID.rawValue)","agentName":"echo-agent"}"#,
                                    tenantID: stack.owner.rawValue)
        event.requestContext.authorizer?["sub"] = "someone-else@\(stack.owner.rawValue)"
        let response = await stack.handler.handle(event)
        #expect(response.statusCode == 404)
        #expect(try await storedSession(stack) == before)
    }

    @Test func unknownSessionAndOtherAgentAreNotFound() async throws {
        let stack = try await stack()
        let before = try await storedSession(stack)
        let unknown = await keepalive(stack, as: stack.owner.rawValue, sessionID: "sess-" + UUID().uuidString)
        #expect(unknown.statusCode == 404)
        let otherAgent = await keepalive(stack, as: stack.owner.rawValue, sessionID: stack.session.sessionID.rawValue,
                                         agent: "echo-agent-async")
        #expect(otherAgent.statusCode == 404)
        #expect(try await storedSession(stack) == before)
    }

    @Test func pingsTheRecordedRuntimeSessionAndExtendsIt() async throws {
        let dataPlane = try RecordingDataPlane()
        defer { dataPlane.stop() }
        let stack = try await stack(dataPlane: dataPlane)
        let aws = try LocalAWS()
        let ssm = SSMClient(client: try aws.client(.ssm))
        // Shared with other tests (a failover test may flip it): never overwrite an existing value.
        if (try? await ssm.getParameter(BFFConfiguration.runtimeRegionParameter)) == nil {
            _ = try? await ssm.putParameter(BFFConfiguration.runtimeRegionParameter, value: "eu-west-1", overwrite: false)
        }
        let before = try await storedSession(stack)
        let started = Date()

        let response = await keepalive(stack, as: stack.owner.rawValue, sessionID: stack.session.sessionID.rawValue)
        #expect(response.statusCode == 202)
        let body = try #require(JSONSerialization.jsonObject(with: Data((response.body ?? "").utf8)) as? [String: Any])
        #expect(body["status"] as? String == "accepted")
        #expect(body["sessionId"] as? String == stack.session.sessionID.rawValue)

        let ping = try #require(dataPlane.requests.first)
        #expect(dataPlane.requests.count == 1)
        #expect(ping.sessionID == stack.session.runtimeSessionID)
        #expect(ping.body == #"{"action":"ping"}"#)
        #expect(ping.authorization?.contains("/bedrock-agentcore/aws4_request") == true)
        let region = try await ssm.getParameter(BFFConfiguration.runtimeRegionParameter).value
        #expect(ping.path.hasPrefix("/runtimes/arn%3Aaws%3Abedrock-agentcore%3A\(region)%3A"))

        let after = try await storedSession(stack)
        #expect(after.lastUsedAt > before.lastUsedAt)
        #expect(after.lastUsedAt >= started.addingTimeInterval(-1))
        #expect(after.expiresAt == after.lastUsedAt.addingTimeInterval(900))
        #expect(body["expiresAt"] as? String == DynamoDBItemTimestamp.string(from: after.expiresAt))
        #expect(after.ttl.rawValue > before.ttl.rawValue)
        #expect(after.runtimeSessionID == before.runtimeSessionID && after.createdAt == before.createdAt)
    }
}
