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
