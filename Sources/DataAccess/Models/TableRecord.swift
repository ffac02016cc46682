import AWSCore

/// A record stored as one DynamoDB item: its fields plus `PK`/`SK`.
public protocol TableRecord: Codable, Sendable {
    /// The key, derived from the record's own fields.
    var key: TableKey { get }
}

extension TableRecord {
    /// The item to write: the encoded fields plus the key attributes.
    public func item() throws -> [String: AttributeValue] {
        var item = try DynamoDBItemEncoder().encode(self)
        for (name, value) in key.attributes {
            item[name] = value
        }
        return item
    }

    /// Reads an untrusted item: every required attribute present and valid,
    /// and `PK`/`SK` equal to the key the decoded fields give.
    public init(item: [String: AttributeValue]) throws(RecordDecodingError) {
        let decoded: Self
        do {
            decoded = try DynamoDBItemDecoder().decode(Self.self, from: item)
        } catch {
            throw RecordDecodingError(DynamoDBItemDecodingFailure(error))
        }
        let mismatched = decoded.key.attributes.keys.sorted().filter { item[$0] != decoded.key.attributes[$0] }
        if let name = mismatched.first {
            throw RecordDecodingError(code: .keyMismatch, attribute: name, message:
                "attribute '\(name)' does not match the record's own key")
        }
        self = decoded
    }
}
