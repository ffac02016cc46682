/// Query, one page at a time or every page.
extension DynamoDBClient {
    public struct QueryInput: Encodable, Sendable {
        public var tableName: String
        public var indexName: String?
        public var keyConditionExpression: String
        public var filterExpression: String?
        public var projectionExpression: String?
        public var expressionAttributeNames: [String: String]?
        public var expressionAttributeValues: DynamoDBItem?
        public var limit: Int?
        public var scanIndexForward: Bool?
        public var consistentRead: Bool?
        public var exclusiveStartKey: DynamoDBItem?

        public init(tableName: String, indexName: String? = nil, keyConditionExpression: String,
                    filterExpression: String? = nil, projectionExpression: String? = nil,
                    expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: DynamoDBItem? = nil,
                    limit: Int? = nil, scanIndexForward: Bool? = nil, consistentRead: Bool? = nil,
                    exclusiveStartKey: DynamoDBItem? = nil) {
            self.tableName = tableName
            self.indexName = indexName
            self.keyConditionExpression = keyConditionExpression
            self.filterExpression = filterExpression
            self.projectionExpression = projectionExpression
            self.expressionAttributeNames = expressionAttributeNames
            self.expressionAttributeValues = expressionAttributeValues
            self.limit = limit
            self.scanIndexForward = scanIndexForward
            self.consistentRead = consistentRead
            self.exclusiveStartKey = exclusiveStartKey
        }

        enum CodingKeys: String, CodingKey {
            case tableName = "TableName", indexName = "IndexName", keyConditionExpression = "KeyConditionExpression"
            case filterExpression = "FilterExpression", projectionExpression = "ProjectionExpression"
            case expressionAttributeNames = "ExpressionAttributeNames"
            case expressionAttributeValues = "ExpressionAttributeValues", limit = "Limit"
            case scanIndexForward = "ScanIndexForward", consistentRead = "ConsistentRead"
            case exclusiveStartKey = "ExclusiveStartKey"
        }
    }

    public struct QueryOutput: Decodable, Sendable {
        public var items: [DynamoDBItem]
        /// Set when more pages follow: pass it as the next `exclusiveStartKey`.
        public var lastEvaluatedKey: DynamoDBItem?

        enum CodingKeys: String, CodingKey { case items = "Items", lastEvaluatedKey = "LastEvaluatedKey" }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            items = try container.decodeIfPresent([DynamoDBItem].self, forKey: .items) ?? []
            lastEvaluatedKey = try container.decodeIfPresent(DynamoDBItem.self, forKey: .lastEvaluatedKey)
        }
    }

    /// One page of results.
    public func query(_ input: QueryInput) async throws -> QueryOutput {
        try await call("Query", input)
    }

    /// Every page, following `LastEvaluatedKey`, up to `maxPages` pages.
    public func queryAll(_ input: QueryInput, maxPages: Int = 100) async throws -> [DynamoDBItem] {
        var input = input
        var items: [DynamoDBItem] = []
        for _ in 0..<maxPages {
            let page = try await query(input)
            items += page.items
            guard let next = page.lastEvaluatedKey, !next.isEmpty else { return items }
            input.exclusiveStartKey = next
        }
        return items
    }
}
