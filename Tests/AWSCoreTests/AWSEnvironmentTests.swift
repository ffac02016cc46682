import Testing
@testable import AWSCore

@Suite struct AWSEnvironmentTests {
    @Test func defaultEndpointIsRegional() throws {
        let environment = AWSEnvironment(["AWS_REGION": "eu-west-2"])
        #expect(try environment.region() == "eu-west-2")
        #expect(try environment.endpoint(for: .dynamoDB, region: "eu-west-2")
            == AWSEndpoint(scheme: "https", authority: "dynamodb.eu-west-2.amazonaws.com"))
        #expect(try environment.endpoint(for: .bedrockAgentCore, region: "eu-west-1").authority
            == "bedrock-agentcore.eu-west-1.amazonaws.com")
    }

    @Test func serviceVariableBeatsGlobalOverride() throws {
        let environment = AWSEnvironment([
            "AWS_REGION": "eu-west-2",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:5000",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://localhost:6000/prefix/",
        ])
        #expect(try environment.endpoint(for: .secretsManager, region: "eu-west-2")
            == AWSEndpoint(scheme: "http", authority: "localhost:6000", basePath: "/prefix", isOverride: true))
        #expect(try environment.endpoint(for: .s3, region: "eu-west-2")
            == AWSEndpoint(scheme: "http", authority: "127.0.0.1:5000", isOverride: true))
    }

    @Test func variableNamesFollowTheSDKConvention() {
        #expect(AWSService.dynamoDB.endpointVariable == "AWS_ENDPOINT_URL_DYNAMODB")
        #expect(AWSService.secretsManager.endpointVariable == "AWS_ENDPOINT_URL_SECRETS_MANAGER")
        #expect(AWSService.bedrockAgentCore.endpointVariable == "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE")
        #expect(AWSService.bedrockAgentCoreControl.endpointVariable == "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL")
        #expect(AWSService(id: "Some-Thing x", endpointPrefix: "", signingName: "").endpointVariable
            == "AWS_ENDPOINT_URL_SOME_THING_X")
    }

    @Test func regionFallsBackAndIsValidated() throws {
        #expect(try AWSEnvironment(["AWS_DEFAULT_REGION": "us-east-1"]).region() == "us-east-1")
        #expect(throws: AWSConfigurationError.missingRegion) { try AWSEnvironment([:]).region() }
        #expect(throws: AWSConfigurationError.invalidRegion("evil.com/x")) {
            try AWSEnvironment(["AWS_REGION": "evil.com/x"]).region()
        }
    }

    @Test func invalidOverrideNamesTheVariable() {
        #expect(throws: AWSConfigurationError.invalidEndpoint(variable: "AWS_ENDPOINT_URL_SQS")) {
            try AWSEnvironment(["AWS_ENDPOINT_URL_SQS": "ftp://x"]).endpoint(for: .sqs, region: "eu-west-2")
        }
    }
}
