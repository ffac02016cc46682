@testable import LocalAgentCore
import Testing

@Suite struct InvocationTargetTests {
    @Test func parsesTheEncodedARN() throws {
        let target = try #require(InvocationTarget(
            encodedARN: "arn%3Aaws%3Abedrock-agentcore%3Aeu-central-1%3A123456789012%3Aruntime%2Fecho_agent_async-local"))
        #expect(target.region == "eu-central-1")
        #expect(target.runtimeID == "echo_agent_async-local")
        #expect(target.agentDirectoryCandidates == ["echo-agent-async", "echo-agent", "echo"])
    }

    @Test(arguments: ["arn:aws:s3:::bucket", "arn:aws:bedrock-agentcore:eu-west-1:1:runtime/", "garbage",
                      "arn:aws:bedrock-agentcore:eu-west-1:1:runtime/..%2Fetc"])
    func rejectsOtherARNs(_ text: String) {
        #expect(InvocationTarget(encodedARN: text) == nil)
    }
}

@Suite struct FaultInjectorTests {
    @Test func countedFaultsRunOutAndOthersStay() {
        let faults = FaultInjector()
        faults.set(.init(error: "ServiceUnavailableException", remaining: 2), region: "eu-west-1")
        faults.set(.init(error: "ThrottlingException", remaining: nil), region: "eu-central-1")
        #expect(faults.take(region: "eu-west-1")?.status == 503)
        #expect(faults.take(region: "eu-west-1") != nil)
        #expect(faults.take(region: "eu-west-1") == nil)
        #expect(faults.take(region: "eu-central-1")?.status == 429)
        #expect(faults.take(region: "eu-central-1")?.status == 429)
        faults.clear(region: "eu-central-1")
        #expect(faults.take(region: "eu-central-1") == nil)
    }
}
