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

    func stack() async throws -> Stack {
        let aws = try LocalAWS()
        let dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        let tables = try await TestTables.create(["platform-sessions", "platform-agents"], in: dynamoDB)
        let now = Date()
        let owner = try TenantID(validating: LocalAWS.unique("acme"))
        let session = Session(sessionID: try SessionID(validating: "sess-" + UUID().uuidString), tenantID: owner,
                              agentName: try AgentName(validating: "echo-agent"),
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
}
