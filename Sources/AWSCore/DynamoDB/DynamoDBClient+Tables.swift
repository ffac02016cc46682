import PlatformJSON
/// CreateTable and DescribeTable, for test set-up and the local dev bootstrap.
extension DynamoDBClient {
    public struct KeyAttribute: Encodable, Sendable {
        public var name: String
        /// `S`, `N` or `B`.
        public var type: String
        public init(_ name: String, type: String = "S") { self.name = name; self.type = type }
    }

    public struct Index: Sendable {
        public var name: String
        public var partitionKey: String
        public var sortKey: String?
        public init(name: String, partitionKey: String, sortKey: String? = nil) {
            self.name = name
            self.partitionKey = partitionKey
            self.sortKey = sortKey
        }
    }

    /// An on-demand table with a partition key, optional sort key, GSIs and stream.
    public struct CreateTableInput: Sendable {
        public var tableName: String
        public var partitionKey: KeyAttribute
        public var sortKey: KeyAttribute?
        /// Key attributes used only by indexes.
        public var indexAttributes: [KeyAttribute]
        public var globalSecondaryIndexes: [Index]
        /// `NEW_AND_OLD_IMAGES` and the like; nil for no stream.
        public var streamViewType: String?

        public init(tableName: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil,
                    indexAttributes: [KeyAttribute] = [], globalSecondaryIndexes: [Index] = [],
                    streamViewType: String? = nil) {
            self.tableName = tableName
            self.partitionKey = partitionKey
            self.sortKey = sortKey
            self.indexAttributes = indexAttributes
            self.globalSecondaryIndexes = globalSecondaryIndexes
            self.streamViewType = streamViewType
        }
    }

    public struct TableDescription: Decodable, Sendable {
        public var tableName: String
        public var tableStatus: String?
        public var tableARN: String?
        public var latestStreamARN: String?

        enum CodingKeys: String, CodingKey {
            case tableName = "TableName", tableStatus = "TableStatus", tableARN = "TableArn"
            case latestStreamARN = "LatestStreamArn"
        }
    }

    private struct TableOutput: Decodable {
        var table: TableDescription?
        var tableDescription: TableDescription?
        enum CodingKeys: String, CodingKey { case table = "Table", tableDescription = "TableDescription" }
    }

    @discardableResult
    public func createTable(_ input: CreateTableInput) async throws -> TableDescription {
        func schema(_ partition: String, _ sort: String?) -> [[String: String]] {
            [["AttributeName": partition, "KeyType": "HASH"]] + (sort.map { [["AttributeName": $0, "KeyType": "RANGE"]] } ?? [])
        }
        let attributes = ([input.partitionKey] + (input.sortKey.map { [$0] } ?? []) + input.indexAttributes)
            .map { ["AttributeName": $0.name, "AttributeType": $0.type] }
        var body: [String: JSONValue] = [
            "TableName": .string(input.tableName),
            "BillingMode": .string("PAY_PER_REQUEST"),
            "AttributeDefinitions": .array(attributes.map(JSONValue.init)),
            "KeySchema": .array(schema(input.partitionKey.name, input.sortKey?.name).map(JSONValue.init)),
        ]
        if !input.globalSecondaryIndexes.isEmpty {
            body["GlobalSecondaryIndexes"] = .array(input.globalSecondaryIndexes.map { index in
                .object([
                    "IndexName": .string(index.name),
                    "KeySchema": .array(schema(index.partitionKey, index.sortKey).map(JSONValue.init)),
                    "Projection": .object(["ProjectionType": .string("ALL")]),
                ])
            })
        }
        if let view = input.streamViewType {
            body["StreamSpecification"] = .object(["StreamEnabled": .bool(true), "StreamViewType": .string(view)])
        }
        let output = try await call("CreateTable", body, as: TableOutput.self)
        guard let description = output.tableDescription else {
            throw AWSResponseError(service: client.service.id, operation: "CreateTable", status: 200,
                                   reason: "missing field 'TableDescription'")
        }
        return description
    }

    public func describeTable(_ tableName: String) async throws -> TableDescription {
        let output = try await call("DescribeTable", ["TableName": tableName], as: TableOutput.self)
        guard let table = output.table else {
            throw AWSResponseError(service: client.service.id, operation: "DescribeTable", status: 200,
                                   reason: "missing field 'Table'")
        }
        return table
    }
}
