/// GetItem, PutItem, UpdateItem and DeleteItem.
extension DynamoDBClient {
    public struct GetItemInput: Encodable, Sendable {
        public var tableName: String
        public var key: DynamoDBItem
        public var consistentRead: Bool?
        public var projectionExpression: String?
        public var expressionAttributeNames: [String: String]?

        public init(tableName: String, key: DynamoDBItem, consistentRead: Bool? = nil,
                    projectionExpression: String? = nil, expressionAttributeNames: [String: String]? = nil) {
            self.tableName = tableName
            self.key = key
            self.consistentRead = consistentRead
            self.projectionExpression = projectionExpression
            self.expressionAttributeNames = expressionAttributeNames
        }

        enum CodingKeys: String, CodingKey {
            case tableName = "TableName", key = "Key", consistentRead = "ConsistentRead"
            case projectionExpression = "ProjectionExpression", expressionAttributeNames = "ExpressionAttributeNames"
        }
    }

    /// A conditional write: put, update or delete of one item.
    public struct WriteInput: Encodable, Sendable {
        public var tableName: String
        /// The key for update and delete; nil for put.
        public var key: DynamoDBItem?
        /// The whole item for put; nil otherwise.
        public var item: DynamoDBItem?
        public var updateExpression: String?
        public var conditionExpression: String?
        public var expressionAttributeNames: [String: String]?
        public var expressionAttributeValues: DynamoDBItem?
        public var returnValues: ReturnValues?

        public init(tableName: String, key: DynamoDBItem? = nil, item: DynamoDBItem? = nil,
                    updateExpression: String? = nil, conditionExpression: String? = nil,
                    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: DynamoDBItem? = nil,
                    returnValues: ReturnValues? = nil) {
            self.tableName = tableName
            self.key = key
            self.item = item
            self.updateExpression = updateExpression
            self.conditionExpression = conditionExpression
            self.expressionAttributeNames = expressionAttributeNames
            self.expressionAttributeValues = expressionAttributeValues
            self.returnValues = returnValues
        }

        enum CodingKeys: String, CodingKey {
            case tableName = "TableName", key = "Key", item = "Item", updateExpression = "UpdateExpression"
            case conditionExpression = "ConditionExpression", expressionAttributeNames = "ExpressionAttributeNames"
            case expressionAttributeValues = "ExpressionAttributeValues", returnValues = "ReturnValues"
        }
    }

    struct ItemOutput: Decodable {
        var item: DynamoDBItem?
        var attributes: DynamoDBItem?
        enum CodingKeys: String, CodingKey { case item = "Item", attributes = "Attributes" }
    }

    /// The item, or nil when no item has the key.
    public func getItem(_ input: GetItemInput) async throws -> DynamoDBItem? {
        try await call("GetItem", input, as: ItemOutput.self).item
    }

    /// Writes `input.item`; returns the old item when `returnValues` is `.allOld`.
    @discardableResult
    public func putItem(_ input: WriteInput) async throws -> DynamoDBItem? {
        try await call("PutItem", input, as: ItemOutput.self).attributes
    }

    /// Applies `input.updateExpression` to the item at `input.key`; returns what `returnValues` asks for.
    @discardableResult
    public func updateItem(_ input: WriteInput) async throws -> DynamoDBItem? {
        try await call("UpdateItem", input, as: ItemOutput.self).attributes
    }

    @discardableResult
    public func deleteItem(_ input: WriteInput) async throws -> DynamoDBItem? {
        try await call("DeleteItem", input, as: ItemOutput.self).attributes
    }
}
