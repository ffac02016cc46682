@testable import Bridge
import PlatformJSON
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import Testing

@Suite struct BridgeHandlerTests {
    /// The proxy response a buffered route wrote.
    private func buffered(_ sink: RecordingSink) throws -> (status: Int, body: JSONObject) {
        struct Response: Decodable { var statusCode: Int; var body: String }
        let response = try JSONDecoder().decode(Response.self, from: Data(sink.body.utf8))
        guard case .object(let body) = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.utf8)) else {
            throw CancellationError()
        }
        return (response.statusCode, body)
    }

    @Test func listsOnlyAgentsTheTierMayInvoke() async throws {
        let fixture = BridgeFixture()
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event("GET", "/v1/agents", path: "/v1/agents"), sink: sink)
        let (status, body) = try buffered(sink)
        #expect(status == 200)
        guard case .array(let items)? = body["items"] else { Issue.record("no items"); return }
        let names = items.compactMap { item -> String? in
            if case .object(let fields) = item, case .string(let name)? = fields["agentName"] { return name }
            return nil
        }
        #expect(names == ["echo-agent", "echo-agent-async"])
        #expect(sink.status == nil, "a buffered route writes no prelude")
    }

    @Test func premiumAgentIsForbiddenToBasicAndVisibleToPremium() async throws {
        let fixture = BridgeFixture()
        let basic = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event(
            "GET", "/v1/agents/{agentName}", path: "/v1/agents/echo-agent-premium",
            pathParameters: ["agentName": "echo-agent-premium"]), sink: basic)
        #expect(try buffered(basic).status == 403)

        let premium = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event(
            "GET", "/v1/agents/{agentName}", path: "/v1/agents/echo-agent-premium", tenant: BridgeFixture.premium,
            tier: .premium, pathParameters: ["agentName": "echo-agent-premium"]), sink: premium)
        let (status, body) = try buffered(premium)
        #expect(status == 200)
        #expect(body["invocationMode"] == .string("sync"))
        #expect(body["releaseNotes"] == nil)
    }

    @Test func unknownAgentIs404AndMalformedNameIs400() async throws {
        let fixture = BridgeFixture()
        let missing = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event(
            "GET", "/v1/agents/{agentName}", path: "/v1/agents/nope", pathParameters: ["agentName": "nope"]), sink: missing)
        #expect(try buffered(missing).status == 404)
        let malformed = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event(
            "GET", "/v1/agents/{agentName}", path: "/v1/agents/X", pathParameters: ["agentName": "Bad Name"]),
            sink: malformed)
        #expect(try buffered(malformed).status == 400)
    }

    @Test func missingAuthoriserContextIs401() async throws {
        let fixture = BridgeFixture()
        var event = BridgeFixture.event("GET", "/v1/agents", path: "/v1/agents")
        event.requestContext.authorizer = nil
        event.headers = ["x-tenant-id": "acme-basic"]
        let sink = RecordingSink()
        try await fixture.handler.handle(event, sink: sink)
        #expect(try buffered(sink).status == 401)
    }

    @Test func anotherTenantsJobIs404() async throws {
        let fixture = BridgeFixture()
        let job = Job(jobID: try JobID(validating: "job-1"), tenantID: BridgeFixture.premium, appID: "app",
                      agentName: try AgentName(validating: "echo-agent-async"),
                      agentVersion: try SemanticVersion(validating: "1.0.0"), now: BridgeFixture.now)
        try await fixture.data.store(BridgeFixture.premium).putJob(job)
        let event = { (tenant: TenantID) in
            BridgeFixture.event("GET", "/v1/jobs/{jobId}", path: "/v1/jobs/job-1", tenant: tenant,
                                pathParameters: ["jobId": "job-1"])
        }
        let other = RecordingSink()
        try await fixture.handler.handle(event(BridgeFixture.basic), sink: other)
        #expect(try buffered(other).status == 404)
        let own = RecordingSink()
        try await fixture.handler.handle(event(BridgeFixture.premium), sink: own)
        let (status, body) = try buffered(own)
        #expect(status == 200)
        #expect(body["status"] == .string("pending"))
        #expect(body["startedAt"] == .null)
        #expect(body["resultUrl"] == nil)
    }

    @Test func completedJobCarriesAPresignedResultURL() async throws {
        let fixture = BridgeFixture()
        var job = Job(jobID: try JobID(validating: "job-2"), tenantID: BridgeFixture.basic, appID: "app",
                      agentName: try AgentName(validating: "echo-agent-async"),
                      agentVersion: try SemanticVersion(validating: "1.0.0"), now: BridgeFixture.now)
        job = try job.transitioned(to: .running, now: BridgeFixture.now).transitioned(to: .completed, now: BridgeFixture.now)
        try await fixture.data.store(BridgeFixture.basic).putJob(job)
        let sink = RecordingSink()
        try await fixture.handler.handle(BridgeFixture.event("GET", "/v1/jobs/{jobId}", path: "/v1/jobs/job-2",
                                                             pathParameters: ["jobId": "job-2"]), sink: sink)
        let (_, body) = try buffered(sink)
        #expect(body["resultUrl"] == .string("https://results.example/tenants/acme-basic/jobs/job-2/result.json?X-Amz-Expires=3600"))
    }
}
