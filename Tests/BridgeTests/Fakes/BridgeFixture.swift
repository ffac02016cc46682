@testable import Bridge
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import Synchronization

/// A bridge wired to fakes, with the local dev seed: tenants `acme-basic`
/// (basic) and `globex-premium` (premium), agents `echo-agent` (sync,
/// streaming), `echo-agent-async` (async) and `echo-agent-premium` (premium).
struct BridgeFixture {
    let data = FakeData()
    let runtime: FakeRuntime
    let starter = RecordingStarter()
    let metrics = RecordingMetrics()
    let logs = LogRecorder()
    var sessionKey = FakeSessionKey()
    /// The bridge's clock (starts at `now`); tests may move it.
    let clock = FakeClock(BridgeFixture.now)
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let basic = try! TenantID(validating: "acme-basic")
    static let premium = try! TenantID(validating: "globex-premium")

    init(runtime: FakeRuntime = FakeRuntime { _ in .answer(#"{"output":"echo: hi","usage":{"inputTokens":1,"outputTokens":2}}"#) }) {
        self.runtime = runtime
        data.tables.withLock { tables in
            for (id, tier) in [(Self.basic, Tier.basic), (Self.premium, .premium)] {
                tables.tenants[id.rawValue] = Self.tenant(id, tier: tier)
            }
            tables.agents = [Self.agent("echo-agent", mode: .sync, streaming: true, tier: .basic),
                             Self.agent("echo-agent-async", mode: .async, streaming: false, tier: .basic),
                             Self.agent("echo-agent-premium", mode: .sync, streaming: true, tier: .premium)]
            tables.parameters[RuntimeRegionCache.parameterName] = "eu-west-1"
        }
    }

    var dependencies: BridgeDependencies {
        let clock = self.clock
        let regions = RuntimeRegionCache(parameters: FakeParameters(data: data), now: { clock.now })
        let coordinator = FailoverCoordinator(lockStore: FakeLocks(data: data), parameters: FakeParameters(data: data),
                                              regions: regions, owner: "test", now: { clock.now },
                                              sleep: { _ in await Task.yield() })
        let logs = self.logs
        let counter = Mutex(0)
        return BridgeDependencies(
            registry: FakeRegistry(data: data), tenantStore: { [data] in data.store($0) },
            idempotency: { [data] in FakeIdempotency(tenantID: $0, data: data) }, sessionKey: sessionKey, credentials: FakeCredentials(), runtime: runtime,
            failover: FailoverInvoker(regions: regions, coordinator: coordinator), asyncRunner: starter,
            results: FakeResults(), metrics: metrics, log: { line in logs.lines.withLock { $0.append(line) } },
            now: { clock.now },
            newID: {
                let next = String(counter.withLock { $0 += 1; return $0 })
                return UUID(uuidString: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - next.count) + next)!
            })
    }

    var handler: BridgeHandler { BridgeHandler(dependencies: dependencies) }

    static func tenant(_ id: TenantID, tier: Tier) -> Tenant {
        let registration = try! TenantRegistration(
            tenantId: id.rawValue, appId: "\(id.rawValue)-app", displayName: id.rawValue, tier: tier.rawValue,
            ownerEmail: "owner@\(id.rawValue).example", ownerTeam: "team", accountId: "123456789012",
            monthlyBudgetUsd: 1000
        ).validated()
        var tenant = Tenant(registration, now: now)
        tenant.executionRoleARN = "arn:aws:iam::123456789012:role/platform-tenant-\(id.rawValue)-execution"
        return tenant
    }

    static func agent(_ name: String, mode: InvocationMode, streaming: Bool, tier: Tier) -> AgentVersion {
        var agent = AgentVersion(agentName: try! AgentName(validating: name), version: try! SemanticVersion(validating: "1.0.0"),
                                 ownerTeam: "platform", tierMinimum: tier, invocationMode: mode, streamingEnabled: streaming)
        agent.status = .promoted
        agent.runtimeARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/\(name.replacing("-", with: "_"))-local"
        return agent
    }

    /// A proxy event as the local API Gateway builds it, with the authoriser context.
    static func event(_ method: String, _ resource: String, path: String, tenant: TenantID = basic,
                      tier: Tier = .basic, subject: String = "user", pathParameters: [String: String]? = nil,
                      headers: [String: String] = [:], body: String? = nil) -> APIGatewayProxyRequest {
        APIGatewayProxyRequest(
            resource: resource, path: path, httpMethod: method, headers: headers, multiValueHeaders: nil,
            queryStringParameters: nil, multiValueQueryStringParameters: nil, pathParameters: pathParameters,
            requestContext: .init(accountId: "123456789012", apiId: "local", stage: "v1", requestId: "req-1",
                                  resourcePath: resource, path: path, httpMethod: method, requestTimeEpoch: 0,
                                  identity: .init(),
                                  authorizer: ["tenantId": tenant.rawValue, "appId": "\(tenant.rawValue)-app",
                                               "tier": tier.rawValue, "sub": subject, "roles": "[]"]),
            body: body, isBase64Encoded: false)
    }

    static func invoke(_ agent: String, body: String, tenant: TenantID = basic, tier: Tier = .basic,
                       subject: String = "user", headers: [String: String] = [:]) -> APIGatewayProxyRequest {
        event("POST", BridgeHandler.invokeResource, path: "/v1/agents/\(agent)/invoke", tenant: tenant, tier: tier,
              subject: subject, pathParameters: ["agentName": agent], headers: headers, body: body)
    }
}

final class FakeClock: Sendable {
    private let time: Mutex<Date>
    init(_ start: Date) { time = Mutex(start) }
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

final class LogRecorder: Sendable {
    let lines = Mutex<[String]>([])
}
