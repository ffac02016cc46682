import AWSCore
import Foundation
import LambdaEvents
import PlatformAPI
import Synchronization
import Testing
@testable import BFF

@Suite struct BFFHandlerTests {
    static let sessionID = "7d1e0c52-9b8f-4f0e-a1a4-3c5d9e2b6f10-sess01"
    let clock = FakeClock()

    func handler(endpoint: ScriptedTransport = ScriptedTransport(ScriptedTransport.success)) -> BFFHandler {
        let runtime = FakeRuntime(arns: ["echo-agent": "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/echo"])
        return BFFHandler(
            scopes: ScopeValidator(audience: "api://agent-platform"),
            tokens: OnBehalfOfClient(tokenURL: "http://127.0.0.1:1/t/oauth2/v2.0/token", transport: endpoint, secrets: FakeSecrets.standard,
                                     clientIDSecret: "platform/test/entra/client-id",
                                     clientSecretSecret: "platform/test/entra/client-secret", now: clock.function),
            keepalive: SessionKeepalive(
                sessions: FakeSessions([RuntimeSession(tenantID: "acme-basic", sessionID: Self.sessionID, subject: "user@acme", agentName: "echo-agent", runtimeSessionID: "runtime-" + Self.sessionID)]),
                agents: runtime, pinger: runtime, activeRegion: { "eu-west-1" }, now: clock.function)
        )
    }

    func json(_ response: APIGatewayProxyResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data((response.body ?? "").utf8)) as? [String: Any])
    }

    func errorBody(_ response: APIGatewayProxyResponse) throws -> [String: Any] {
        try #require(try json(response)["error"] as? [String: Any])
    }

    @Test func tokenRefreshAnswersTheNewTokenUncached() async throws {
        let endpoint = ScriptedTransport(ScriptedTransport.success)
        let lines = Mutex<[String]>([])
        let response = await handler(endpoint: endpoint).handle(
            ProxyEvent.post("/v1/bff/token-refresh", body: #"{"scope":"api://agent-platform/Agents.Invoke"}"#),
            log: { line in lines.withLock { $0.append(line) } })
        #expect(response.statusCode == 200)
        #expect(response.headers?["Cache-Control"] == "no-store")
        let body = try json(response)
        #expect(body["accessToken"] as? String == "downstream.jwt.token")
        #expect(body["tokenType"] as? String == "Bearer")
        #expect(body["expiresAt"] as? String == "2026-11-18T12:06:40.000Z")
        #expect(body["scope"] as? String == "api://agent-platform/Agents.Invoke")
        #expect(String(decoding: try #require(endpoint.sent.first).body, as: UTF8.self).contains("assertion=user.jwt.token"))
        #expect(lines.withLock { $0 } == ["bff POST /v1/bff/token-refresh status=200"])
    }

    @Test func defaultScopeIs400WithDetailsAndNoExchange() async throws {
        let endpoint = ScriptedTransport(ScriptedTransport.success)
        let response = await handler(endpoint: endpoint).handle(
            ProxyEvent.post("/v1/bff/token-refresh", body: #"{"scope":"api://agent-platform/.default"}"#))
        #expect(response.statusCode == 400)
        let error = try errorBody(response)
        #expect(error["code"] as? String == "INVALID_REQUEST")
        #expect(error["requestId"] as? String == "req-123")
        let details = try #require(error["details"] as? [[String: String]])
        #expect(details.count == 1 && details[0]["field"] == "scope")
        #expect(endpoint.sent.isEmpty)
    }

    @Test func throttledExchangeSendsRetryAfterAndLogsNoToken() async throws {
        let endpoint = ScriptedTransport(ScriptedTransport.json(429, #"{"error":"throttled"}"#, headers: [("Retry-After", "9")]))
        let lines = Mutex<[String]>([])
        let response = await handler(endpoint: endpoint).handle(
            ProxyEvent.post("/v1/bff/token-refresh", body: #"{"scope":"api://agent-platform/A"}"#),
            log: { line in lines.withLock { $0.append(line) } })
        #expect(response.statusCode == 429)
        #expect(response.headers?["Retry-After"] == "9")
        #expect(try errorBody(response)["code"] as? String == "THROTTLED")
        let logged = lines.withLock { $0.joined() }
        #expect(logged.contains("status=429") && logged.contains("identity provider status 429 throttled"))
        #expect(!logged.contains("user.jwt.token") && !logged.contains("s3cret-value"))
    }

    @Test func machineCallersAndNonBearerAreForbidden() async throws {
        var machine = ProxyEvent.user
        machine["roles"] = #"["Machine.Invoke"]"#
        let body = #"{"scope":"api://agent-platform/A"}"#
        // A machine context without what its signature covered is no real request: 401 (ADR 0028).
        let unbound = await handler().handle(ProxyEvent.post("/v1/bff/token-refresh", body: body, authorizer: machine))
        #expect(unbound.statusCode == 401)
        var asMachine = ProxyEvent.post("/v1/bff/token-refresh", body: body, authorizer: machine)
        asMachine.headers?["x-amz-date"] = "19700101T000000Z"
        asMachine.headers?["x-tenant-id"] = machine["tenantId"]
        let binding = RequestBinding(method: "POST", path: "/v1/bff/token-refresh", query: "", amzDate: "19700101T000000Z",
                                     tenantID: machine["tenantId"] ?? "", payloadHash: SHA256.hexDigest(of: Array(body.utf8)))
        asMachine.requestContext.authorizer?.merge(binding.context) { $1 }
        #expect(await handler().handle(asMachine).statusCode == 403)
        let sigv4 = await handler().handle(ProxyEvent.post("/v1/bff/token-refresh", body: #"{"scope":"api://agent-platform/A"}"#,
                                                           authorization: "AWS4-HMAC-SHA256 Credential=x"))
        #expect(sigv4.statusCode == 403)
        #expect(try errorBody(sigv4)["code"] as? String == "FORBIDDEN")
    }

    @Test func identityComesFromTheAuthoriserNotHeaders() async throws {
        let response = await handler().handle(ProxyEvent.post("/v1/bff/session-keepalive",
                                                              body: #"{"sessionId":"\#(Self.sessionID)","agentName":"echo-agent"}"#,
                                                              authorizer: nil))
        #expect(response.statusCode == 401)
        #expect(try errorBody(response)["code"] as? String == "UNAUTHENTICATED")
    }

    @Test func keepaliveAnswers202() async throws {
        let response = await handler().handle(ProxyEvent.post("/v1/bff/session-keepalive",
                                                              body: #"{"sessionId":"\#(Self.sessionID)","agentName":"echo-agent"}"#))
        #expect(response.statusCode == 202)
        let body = try json(response)
        #expect(body["sessionId"] as? String == Self.sessionID)
        #expect(body["status"] as? String == "accepted")
        #expect(body["expiresAt"] as? String == "2026-11-18T11:21:40.000Z")
    }

    @Test func otherTenantsSessionIs404() async throws {
        var other = ProxyEvent.user
        other["tenantId"] = "globex-premium"
        let response = await handler().handle(ProxyEvent.post("/v1/bff/session-keepalive",
                                                              body: #"{"sessionId":"\#(Self.sessionID)","agentName":"echo-agent"}"#,
                                                              authorizer: other))
        #expect(response.statusCode == 404)
        #expect(try errorBody(response)["code"] as? String == "NOT_FOUND")
    }

    @Test func unknownRouteIs404() async {
        #expect(await handler().handle(ProxyEvent.post("/v1/bff/other", body: "{}")).statusCode == 404)
    }
}
