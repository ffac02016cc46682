extension DynamoDBClient {
    /// A Scan request. Only control-plane paths scan; tenant-scoped data access refuses to.
    public struct ScanInput: Encodable, Sendable {
        public var tableName: String
        public var filterExpression: String?
        public var expressionAttributeNames: [String: String]?
        public var expressionAttributeValues: DynamoDBItem?
        public var limit: Int?
        public var exclusiveStartKey: DynamoDBItem?

        public init(tableName: String, filterExpression: String? = nil, expressionAttributeNames: [String: String]? = nil,
                    expressionAttributeValues: DynamoDBItem? = nil, limit: Int? = nil, exclusiveStartKey: DynamoDBItem? = nil) {
            self.tableName = tableName
            self.filterExpression = filterExpression
            self.expressionAttributeNames = expressionAttributeNames
            self.expressionAttributeValues = expressionAttributeValues
            self.limit = limit
            self.exclusiveStartKey = exclusiveStartKey
        }

        enum CodingKeys: String, CodingKey {
            case tableName = "TableName", filterExpression = "FilterExpression"
            case expressionAttributeNames = "ExpressionAttributeNames"
            case expressionAttributeValues = "ExpressionAttributeValues", limit = "Limit"
            case exclusiveStartKey = "ExclusiveStartKey"
        }
    }

    /// One page of a scan; the output has the same shape as a query's.
    public func scan(_ input: ScanInput) async throws -> QueryOutput {
        try await call("Scan", input)
    }
}
