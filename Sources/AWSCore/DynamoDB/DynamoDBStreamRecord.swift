import FoundationEssentials

/// One change from a DynamoDB stream, as GetRecords returns it and as Lambda
/// delivers it in a DynamoDB event (`{"Records": [...]}`).
public struct DynamoDBStreamRecord: Decodable, Sendable, Equatable {
    public enum EventName: String, Decodable, Sendable { case insert = "INSERT", modify = "MODIFY", remove = "REMOVE" }

    public var eventID: String
    public var eventName: EventName
    public var keys: DynamoDBItem
    public var newImage: DynamoDBItem?
    public var oldImage: DynamoDBItem?
    public var sequenceNumber: String?

    enum CodingKeys: String, CodingKey { case eventID, eventName, dynamodb }

    enum ChangeKeys: String, CodingKey {
        case keys = "Keys", newImage = "NewImage", oldImage = "OldImage", sequenceNumber = "SequenceNumber"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        eventID = try container.decode(String.self, forKey: .eventID)
        eventName = try container.decode(EventName.self, forKey: .eventName)
        let change = try container.nestedContainer(keyedBy: ChangeKeys.self, forKey: .dynamodb)
        keys = try change.decode(DynamoDBItem.self, forKey: .keys)
        newImage = try change.decodeIfPresent(DynamoDBItem.self, forKey: .newImage)
        oldImage = try change.decodeIfPresent(DynamoDBItem.self, forKey: .oldImage)
        sequenceNumber = try change.decodeIfPresent(String.self, forKey: .sequenceNumber)
    }
}
