/// What a client needs to know about an AWS service to address and sign requests.
public struct AWSService: Sendable, Equatable {
    /// The SDK service id (`DynamoDB`, `Secrets Manager`): names the endpoint override variable.
    public var id: String
    /// The first label of the default host name.
    public var endpointPrefix: String
    /// The service name in the SigV4 credential scope.
    public var signingName: String

    public init(id: String, endpointPrefix: String, signingName: String) {
        self.id = id
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
    }

    /// `AWS_ENDPOINT_URL_<SERVICE>`: the id upper-cased, spaces and hyphens as underscores.
    public var endpointVariable: String {
        "AWS_ENDPOINT_URL_" + String(id.uppercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    public static let dynamoDB = AWSService(id: "DynamoDB", endpointPrefix: "dynamodb", signingName: "dynamodb")
    public static let dynamoDBStreams = AWSService(
        id: "DynamoDB Streams", endpointPrefix: "streams.dynamodb", signingName: "dynamodb")
    public static let s3 = AWSService(id: "S3", endpointPrefix: "s3", signingName: "s3")
    public static let ssm = AWSService(id: "SSM", endpointPrefix: "ssm", signingName: "ssm")
    public static let secretsManager = AWSService(
        id: "Secrets Manager", endpointPrefix: "secretsmanager", signingName: "secretsmanager")
    public static let eventBridge = AWSService(id: "EventBridge", endpointPrefix: "events", signingName: "events")
    public static let sqs = AWSService(id: "SQS", endpointPrefix: "sqs", signingName: "sqs")
    public static let sts = AWSService(id: "STS", endpointPrefix: "sts", signingName: "sts")
    public static let lambda = AWSService(id: "Lambda", endpointPrefix: "lambda", signingName: "lambda")
    public static let bedrockAgentCore = AWSService(
        id: "Bedrock AgentCore", endpointPrefix: "bedrock-agentcore", signingName: "bedrock-agentcore")
    /// The control plane signs as `bedrock-agentcore` too (botocore's service model says so).
    public static let bedrockAgentCoreControl = AWSService(
        id: "Bedrock AgentCore Control", endpointPrefix: "bedrock-agentcore-control", signingName: "bedrock-agentcore")
}
