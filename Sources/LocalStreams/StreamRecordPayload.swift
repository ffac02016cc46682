import FoundationEssentials
import AWSCore

/// A stream record re-encoded the way Lambda hands DynamoDB events to a function.
struct StreamRecordPayload: Encodable, Sendable {
    struct Change: Encodable, Sendable {
        var keys: DynamoDBItem
        var newImage: DynamoDBItem?
        var oldImage: DynamoDBItem?
        var sequenceNumber: String?
        var streamViewType = "NEW_AND_OLD_IMAGES"
        enum CodingKeys: String, CodingKey {
            case keys = "Keys", newImage = "NewImage", oldImage = "OldImage", sequenceNumber = "SequenceNumber"
            case streamViewType = "StreamViewType"
        }
    }

    var eventID: String
    var eventName: String
    var eventSource = "aws:dynamodb"
    var awsRegion: String
    var eventSourceARN: String
    var dynamodb: Change

    init(_ record: DynamoDBStreamRecord, region: String, streamARN: String) {
        eventID = record.eventID
        eventName = record.eventName.rawValue
        awsRegion = region
        eventSourceARN = streamARN
        dynamodb = Change(keys: record.keys, newImage: record.newImage, oldImage: record.oldImage,
                          sequenceNumber: record.sequenceNumber)
    }

    /// `{"Records": [...]}`.
    static func event(_ records: [StreamRecordPayload]) throws -> [UInt8] {
        struct Event: Encodable { var Records: [StreamRecordPayload] }
        return [UInt8](try JSONEncoder().encode(Event(Records: records)))
    }
}
