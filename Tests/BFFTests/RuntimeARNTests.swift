import Testing
@testable import BFF

@Suite struct RuntimeARNTests {
    @Test func rewritesOnlyTheRegion() throws {
        let arn = try #require(RuntimeARN("arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/echo_agent-local"))
        #expect(arn.region == "eu-west-1")
        #expect(arn.inRegion("eu-central-1").text == "arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/echo_agent-local")
    }

    @Test(arguments: ["", "arn:aws:lambda:eu-west-1:1:function:x", "arn:aws:bedrock-agentcore:eu-west-1:1:runtime/",
                      "arn:aws:bedrock-agentcore:eu-west-1:1:memory/x", "nonsense"])
    func rejectsOtherARNs(text: String) {
        #expect(RuntimeARN(text) == nil)
    }
}
