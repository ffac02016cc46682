import AWSCore
import FoundationEssentials

/// One page of records and the opaque token for the next one.
public struct Page<Record: Sendable>: Sendable {
    public var items: [Record]
    /// Pass back to get the next page; nil on the last page.
    public var nextToken: String?

    public init(items: [Record], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }
}

/// Encodes DynamoDB's `LastEvaluatedKey` as an opaque URL-safe token and back.
///
/// The token is client-controlled input: decoding validates its shape, and the
/// stores check that the key it names lies in the partition being read.
enum PageToken {
    static func encode(_ key: DynamoDBItem?) -> String? {
        guard let key, let data = try? JSONEncoder().encode(key) else { return nil }
        return data.base64EncodedString()
            .replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    static func decode(_ token: String?) throws(InvalidPageToken) -> DynamoDBItem? {
        guard let token else { return nil }
        var base64 = token.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.utf8.count <= 2048, let data = Data(base64Encoded: base64),
              let key = try? JSONDecoder().decode(DynamoDBItem.self, from: data),
              case .s? = key["PK"]
        else { throw InvalidPageToken() }
        return key
    }
}

/// A `nextToken` that this API did not issue.
public struct InvalidPageToken: Error, Sendable, Equatable {}
