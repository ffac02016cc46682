import AWSCore
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct AgentRegistryHandlerTests {
    static let body = #"{"agentName":"echo-agent","version":"1.2.0","ownerTeam":"platform","tierMinimum":"basic","invocationMode":"sync","streamingEnabled":true,"runtimeArn":"arn:aws:bedrock-agentcore:eu-west-1:111122223333:runtime/echo_agent-Xy12"}"#

    func patch(_ harness: TestHarness, _ status: String, version: String = "1.2.0", as caller: TestCaller = .platformOperator) async -> TestHarness.Response {
        await harness.call("PATCH", "/v1/platform/agents/{agentName}/versions/{version}",
                           path: ["agentName": "echo-agent", "version": version], body: #"{"status":"\#(status)"}"#, as: caller)
    }

    @Test func releaseStateMachineWithApprovalStampsAndEvents() async throws {
        let harness = TestHarness()
        let created = await harness.call("POST", "/v1/platform/agents", body: Self.body, as: .platformAdmin)
        #expect(created.status == 201)
        #expect(created.json["status"] as? String == "built")
        #expect(created.json["deployedAt"] as? String == "2026-11-25T12:34:56.789Z")
        #expect(await harness.call("POST", "/v1/platform/agents", body: Self.body, as: .platformAdmin).status == 409)
        #expect(await patch(harness, "promoted").status == 409)
        for status in ["deployed_staging", "integration_verified", "evaluation_passed"] {
            #expect(await patch(harness, status).status == 200)
        }
        let approved = await patch(harness, "approved", as: .platformAdmin)
        #expect(approved.json["approvedBy"] as? String == "admin@platform")
        #expect(approved.json["approvedAt"] as? String == "2026-11-25T12:34:56.789Z")
        #expect(await patch(harness, "promoted").status == 200)
        #expect(await patch(harness, "failed").status == 409)
        let rolledBack = await patch(harness, "rolled_back")
        #expect(rolledBack.json["rolledBackBy"] as? String == "operator@platform")
        let events = harness.events.all
        #expect(events.map(\.detailType) == [.agentPromoted, .agentRolledBack])
        #expect(events.allSatisfy { $0.source == "platform.agents" && $0.detail.agentName == "echo-agent" })
        #expect(events[0].detail.change["status"] == .init(from: .string("approved"), to: .string("promoted")))
        let listed = await harness.call("GET", "/v1/platform/agents", query: ["status": "rolled_back"], as: .platformOperator)
        #expect(listed.items.map { $0["version"] as? String } == ["1.2.0"])
        #expect(await harness.call("GET", "/v1/platform/agents", query: ["status": "promoted"], as: .platformOperator).items.isEmpty)
    }

    @Test func listsNewestVersionFirstWithinEachAgent() async throws {
        let harness = TestHarness()
        for version in ["1.0.0", "1.10.0", "1.2.0"] {
            #expect(await harness.call("POST", "/v1/platform/agents", body: Self.body.replacing("1.2.0", with: version), as: .platformAdmin).status == 201)
        }
        let other = Self.body.replacing("echo-agent", with: "alpha-agent")
        #expect(await harness.call("POST", "/v1/platform/agents", body: other, as: .platformAdmin).status == 201)
        let all = await harness.call("GET", "/v1/platform/agents", as: .platformAdmin)
        #expect(all.items.map { "\($0["agentName"]!)@\($0["version"]!)" } ==
                ["alpha-agent@1.2.0", "echo-agent@1.10.0", "echo-agent@1.2.0", "echo-agent@1.0.0"])
        let one = await harness.call("GET", "/v1/platform/agents", query: ["agentName": "alpha-agent"], as: .platformAdmin)
        #expect(one.items.count == 1)
    }

    @Test(arguments: [
        (AgentRegistryHandlerTests.body.replacing(#""invocationMode":"sync""#, with: #""invocationMode":"async""#), ["streamingEnabled"]),
        (AgentRegistryHandlerTests.body.replacing("1.2.0", with: "01.2"), ["version"]),
        (AgentRegistryHandlerTests.body.replacing("runtime/echo", with: "agent/echo"), ["runtimeArn"]),
        (AgentRegistryHandlerTests.body.replacing("}", with: #","layerHash":"XYZ"}"#), ["layerHash"]),
        (AgentRegistryHandlerTests.body.replacing("}", with: #","estimatedDurationSeconds":0}"#), ["estimatedDurationSeconds"]),
        (#"{"agentName":"Echo"}"#, ["agentName", "version", "ownerTeam", "tierMinimum", "invocationMode", "runtimeArn"]),
    ])
    func badRegistrations(body: String, fields: [String]) async throws {
        let harness = TestHarness()
        let response = await harness.call("POST", "/v1/platform/agents", body: body, as: .platformAdmin)
        #expect(response.status == 400 && response.detailFields == fields)
        #expect(harness.tables.count(in: "platform-agents") == 0)
    }

    @Test func registryIsForStaffOnly() async throws {
        let harness = TestHarness()
        for caller in [TestCaller.user("acme"), .tenantAdmin("acme"), .machine("acme")] {
            #expect(await harness.call("POST", "/v1/platform/agents", body: Self.body, as: caller).status == 403)
            #expect(await harness.call("GET", "/v1/platform/agents", as: caller).status == 403)
        }
        #expect(await patch(harness, "deployed_staging").status == 404)
        let bad = await harness.call("PATCH", "/v1/platform/agents/{agentName}/versions/{version}",
                                     path: ["agentName": "echo-agent", "version": "x"], body: #"{"status":"built"}"#, as: .platformAdmin)
        #expect(bad.detailFields == ["version"])
    }
}
