import AWSCore

/// The Lambda event for a DynamoDB stream trigger.
struct DynamoDBStreamEvent: Decodable, Sendable {
    var records: [DynamoDBStreamRecord]
    enum CodingKeys: String, CodingKey { case records = "Records" }
}
