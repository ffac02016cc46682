import PlatformJSON
/// SQS over awsJson1.0 (`AmazonSQS.*`): SendMessage, plus CreateQueue and ReceiveMessage for tests.
public struct SQSClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    private struct SendOutput: Decodable {
        var messageID: String
        enum CodingKeys: String, CodingKey { case messageID = "MessageId" }
    }

    /// Returns the message id.
    @discardableResult
    public func sendMessage(queueURL: String, body: String, delaySeconds: Int? = nil) async throws -> String {
        var input: [String: JSONValue] = ["QueueUrl": .string(queueURL), "MessageBody": .string(body)]
        if let delaySeconds { input["DelaySeconds"] = .number(JSONNumber(delaySeconds)) }
        return try await client.json(target: "AmazonSQS", operation: "SendMessage", input: input,
                                     as: SendOutput.self).messageID
    }

    private struct QueueOutput: Decodable {
        var queueURL: String
        enum CodingKeys: String, CodingKey { case queueURL = "QueueUrl" }
    }

    /// Returns the queue URL.
    public func createQueue(name: String) async throws -> String {
        try await client.json(target: "AmazonSQS", operation: "CreateQueue", input: ["QueueName": name],
                              as: QueueOutput.self).queueURL
    }

    public struct Message: Decodable, Sendable, Equatable {
        public var messageID: String
        public var receiptHandle: String
        public var body: String
        enum CodingKeys: String, CodingKey { case messageID = "MessageId", receiptHandle = "ReceiptHandle", body = "Body" }
    }

    private struct ReceiveOutput: Decodable {
        var messages: [Message]?
        enum CodingKeys: String, CodingKey { case messages = "Messages" }
    }

    public func receiveMessages(queueURL: String, max: Int = 10, waitSeconds: Int = 0) async throws -> [Message] {
        let input: [String: JSONValue] = ["QueueUrl": .string(queueURL), "MaxNumberOfMessages": .number(JSONNumber(max)),
                                          "WaitTimeSeconds": .number(JSONNumber(waitSeconds))]
        return try await client.json(target: "AmazonSQS", operation: "ReceiveMessage", input: input,
                                     as: ReceiveOutput.self).messages ?? []
    }
}
