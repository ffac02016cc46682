import Foundation
import Testing
@testable import AWSCore
import PlatformTestSupport

@Suite struct MessagingIntegrationTests {
    @Test func eventBridgeRuleDeliversToSQS() async throws {
        let aws = try LocalAWS()
        let sqs = SQSClient(client: try aws.client(.sqs))
        let events = EventBridgeClient(client: try aws.client(.eventBridge))
        let queueURL = try await sqs.createQueue(name: LocalAWS.unique("platform-events"))
        let queueARN = "arn:aws:sqs:\(aws.region):123456789012:\(queueURL.split(separator: "/").last!)"
        let rule = LocalAWS.unique("job-completed")
        let ruleARN = try await events.putRule(name: rule, eventPattern: #"{"source":["platform.jobs"]}"#)
        #expect(ruleARN.hasSuffix(":rule/\(rule)"))
        #expect(try await events.putTargets(rule: rule, targets: ["queue": queueARN]) == 0)

        let output = try await events.putEvents([
            .init(source: "platform.jobs", detailType: "job.completed", detail: #"{"jobId":"j1"}"#),
        ])
        #expect(output.failedEntryCount == 0)
        #expect(output.entries.first?.eventID?.isEmpty == false)
        let messages = try await sqs.receiveMessages(queueURL: queueURL)
        #expect(messages.count == 1)
        #expect(messages.first?.body.contains(#""jobId": "j1""#) == true || messages.first?.body.contains(#""jobId":"j1""#) == true)
    }

    @Test func sqsSendAndReceive() async throws {
        let aws = try LocalAWS()
        let sqs = SQSClient(client: try aws.client(.sqs))
        let queueURL = try await sqs.createQueue(name: LocalAWS.unique("webhooks"))
        let id = try await sqs.sendMessage(queueURL: queueURL, body: "hello")
        let messages = try await sqs.receiveMessages(queueURL: queueURL)
        #expect(messages.map(\.messageID) == [id])
        #expect(messages.first?.body == "hello")
        let missing = await #expect(throws: AWSError.self) {
            try await sqs.sendMessage(queueURL: queueURL + "-missing", body: "x")
        }
        #expect(missing?.code == "QueueDoesNotExist")
    }

    @Test func lambdaInvokeReachesTheService() async throws {
        // moto needs Docker to run a function; a signed Invoke of an unknown function
        // still proves path, headers and signature: moto answers a typed 404.
        let aws = try LocalAWS()
        let lambda = LambdaClient(client: try aws.client(.lambda))
        let error = await #expect(throws: AWSError.self) {
            try await lambda.invoke(functionName: "platform-async-runner", payload: Data("{}".utf8), invocationType: .event)
        }
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.status == 404)
    }

    @Test func agentCoreControlPlane() async throws {
        let aws = try LocalAWS()
        let control = AgentCoreControlClient(client: try aws.client(.bedrockAgentCoreControl))
        let definition = AgentCoreControlClient.RuntimeDefinition(
            artifact: .container(uri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/echo-agent:1"),
            roleARN: "arn:aws:iam::123456789012:role/agent-runtime", environment: ["MODE": "test"])
        let name = "echo_agent_" + LocalAWS.unique("x").replacing("-", with: "_")
        let created = try await control.createAgentRuntime(name: name, definition)
        // moto spells the ARN `...:agent/{uuid}:{version}`; AWS uses `...:runtime/{id}`.
        #expect(created.agentRuntimeArn.hasPrefix("arn:aws:bedrock-agentcore:\(aws.region):"))
        #expect(created.agentRuntimeVersion == "1")
        // GetAgentRuntime is covered in AgentCoreClientTests: moto 5.2.1 rejects the signature of
        // every signed GET on this API, boto3's included (SignatureDoesNotMatch).
        var next = definition
        next.artifact = .container(uri: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/echo-agent:2")
        let updated = try await control.updateAgentRuntime(id: created.agentRuntimeId, next)
        #expect(updated.agentRuntimeVersion == "2")
        let missing = await #expect(throws: AWSError.self) {
            try await control.updateAgentRuntime(id: "amissing000-0000000000", next)
        }
        #expect(missing?.code == "ResourceNotFoundException")

        let memory = try await control.createMemory(name: "tenant_" + LocalAWS.unique("m").replacing("-", with: "_"),
                                                    eventExpiryDays: 30)
        #expect(memory.arn.contains(":memory/"))
        #expect(!memory.id.isEmpty)
    }
}
