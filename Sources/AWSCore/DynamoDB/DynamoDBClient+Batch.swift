/// BatchGetItem and TransactWriteItems.
extension DynamoDBClient {
    public struct KeysAndAttributes: Codable, Sendable, Equatable {
        public var keys: [DynamoDBItem]
        public var projectionExpression: String?
        public var expressionAttributeNames: [String: String]?
        public var consistentRead: Bool?

        public init(keys: [DynamoDBItem], projectionExpression: String? = nil,
                    expressionAttributeNames: [String: String]? = nil, consistentRead: Bool? = nil) {
            self.keys = keys
            self.projectionExpression = projectionExpression
            self.expressionAttributeNames = expressionAttributeNames
            self.consistentRead = consistentRead
        }

        enum CodingKeys: String, CodingKey {
            case keys = "Keys", projectionExpression = "ProjectionExpression"
            case expressionAttributeNames = "ExpressionAttributeNames", consistentRead = "ConsistentRead"
        }
    }

    public struct BatchGetOutput: Decodable, Sendable {
        /// Items found, by table name.
        public var responses: [String: [DynamoDBItem]]
        /// Keys DynamoDB did not get to (throttling or size): ask again.
        public var unprocessedKeys: [String: KeysAndAttributes]

        enum CodingKeys: String, CodingKey { case responses = "Responses", unprocessedKeys = "UnprocessedKeys" }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            responses = try container.decodeIfPresent([String: [DynamoDBItem]].self, forKey: .responses) ?? [:]
            unprocessedKeys = try container.decodeIfPresent([String: KeysAndAttributes].self, forKey: .unprocessedKeys) ?? [:]
        }
    }

    private struct BatchGetInput: Encodable {
        var requestItems: [String: KeysAndAttributes]
        enum CodingKeys: String, CodingKey { case requestItems = "RequestItems" }
    }

    /// Up to 100 keys across tables in one call.
    public func batchGetItem(_ requestItems: [String: KeysAndAttributes]) async throws -> BatchGetOutput {
        try await call("BatchGetItem", BatchGetInput(requestItems: requestItems))
    }

    /// One action of a transaction; each carries its own condition.
    public enum TransactWriteItem: Encodable, Sendable {
        case put(WriteInput)
        case update(WriteInput)
        case delete(WriteInput)
        case conditionCheck(WriteInput)

        private enum CodingKeys: String, CodingKey {
            case put = "Put", update = "Update", delete = "Delete", conditionCheck = "ConditionCheck"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            // ReturnValues is not allowed inside a transaction item.
            switch self {
            case .put(var input): input.returnValues = nil; try container.encode(input, forKey: .put)
            case .update(var input): input.returnValues = nil; try container.encode(input, forKey: .update)
            case .delete(var input): input.returnValues = nil; try container.encode(input, forKey: .delete)
            case .conditionCheck(var input): input.returnValues = nil; try container.encode(input, forKey: .conditionCheck)
            }
        }
    }

    private struct TransactWriteInput: Encodable {
        var transactItems: [TransactWriteItem]
        var clientRequestToken: String?
        enum CodingKeys: String, CodingKey { case transactItems = "TransactItems", clientRequestToken = "ClientRequestToken" }
    }

    /// All or nothing; a failed condition throws `TransactionCanceledException`.
    public func transactWriteItems(_ items: [TransactWriteItem], clientRequestToken: String? = nil) async throws {
        let _: AWSEmptyOutput = try await call(
            "TransactWriteItems", TransactWriteInput(transactItems: items, clientRequestToken: clientRequestToken))
    }
}
