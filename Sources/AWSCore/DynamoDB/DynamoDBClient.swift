/// A DynamoDB item: attribute name to value.
public typealias DynamoDBItem = [String: AttributeValue]

/// DynamoDB over awsJson1.0 (`DynamoDB_20120810.*`), with the operations the platform uses.
public struct DynamoDBClient: Sendable {
    public let client: AWSClient
    static let target = "DynamoDB_20120810"

    public init(client: AWSClient) { self.client = client }

    func call<Output: Decodable>(_ operation: String, _ input: some Encodable,
                                 as output: Output.Type = Output.self) async throws -> Output {
        try await client.json(target: Self.target, operation: operation, input: input, version: "1.0", as: output)
    }

    /// What an update or delete returns about the item.
    public enum ReturnValues: String, Codable, Sendable {
        case none = "NONE", allOld = "ALL_OLD", updatedOld = "UPDATED_OLD", allNew = "ALL_NEW", updatedNew = "UPDATED_NEW"
    }
}
