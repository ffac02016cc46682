/// DynamoDB Streams over awsJson1.0 (`DynamoDBStreams_20120810.*`): shards, iterators, records.
public struct DynamoDBStreamsClient: Sendable {
    public let client: AWSClient
    static let target = "DynamoDBStreams_20120810"

    public init(client: AWSClient) { self.client = client }

    public enum IteratorType: String, Encodable, Sendable {
        case trimHorizon = "TRIM_HORIZON", latest = "LATEST"
        case atSequenceNumber = "AT_SEQUENCE_NUMBER", afterSequenceNumber = "AFTER_SEQUENCE_NUMBER"
    }

    private struct DescribeOutput: Decodable {
        struct Description: Decodable {
            struct Shard: Decodable { var shardId: String; enum CodingKeys: String, CodingKey { case shardId = "ShardId" } }
            var shards: [Shard]
            enum CodingKeys: String, CodingKey { case shards = "Shards" }
        }
        var streamDescription: Description
        enum CodingKeys: String, CodingKey { case streamDescription = "StreamDescription" }
    }

    /// The stream's shard ids, oldest first.
    public func shardIDs(streamARN: String) async throws -> [String] {
        try await client.json(target: Self.target, operation: "DescribeStream", input: ["StreamArn": streamARN],
                              as: DescribeOutput.self).streamDescription.shards.map(\.shardId)
    }

    private struct IteratorInput: Encodable {
        var streamARN: String
        var shardID: String
        var type: IteratorType
        var sequenceNumber: String?
        enum CodingKeys: String, CodingKey {
            case streamARN = "StreamArn", shardID = "ShardId", type = "ShardIteratorType", sequenceNumber = "SequenceNumber"
        }
    }

    private struct IteratorOutput: Decodable {
        var shardIterator: String
        enum CodingKeys: String, CodingKey { case shardIterator = "ShardIterator" }
    }

    public func shardIterator(streamARN: String, shardID: String, type: IteratorType,
                              sequenceNumber: String? = nil) async throws -> String {
        let input = IteratorInput(streamARN: streamARN, shardID: shardID, type: type, sequenceNumber: sequenceNumber)
        return try await client.json(target: Self.target, operation: "GetShardIterator", input: input,
                                     as: IteratorOutput.self).shardIterator
    }

    public struct RecordsPage: Decodable, Sendable {
        public var records: [DynamoDBStreamRecord]
        /// nil once the shard is closed and read to its end.
        public var nextShardIterator: String?
        enum CodingKeys: String, CodingKey { case records = "Records", nextShardIterator = "NextShardIterator" }
    }

    private struct RecordsInput: Encodable {
        var shardIterator: String
        var limit: Int?
        enum CodingKeys: String, CodingKey { case shardIterator = "ShardIterator", limit = "Limit" }
    }

    public func getRecords(shardIterator: String, limit: Int? = nil) async throws -> RecordsPage {
        try await client.json(target: Self.target, operation: "GetRecords",
                              input: RecordsInput(shardIterator: shardIterator, limit: limit))
    }
}
