import AWSCore

/// A condition, update or key-condition expression with its placeholders.
public struct DynamoDBExpression: Sendable, Equatable {
    public var text: String
    public var names: [String: String]
    public var values: DynamoDBItem

    public init(_ text: String, names: [String: String] = [:], values: DynamoDBItem = [:]) {
        self.text = text
        self.names = names
        self.values = values
    }

    /// The usual create guard: the item must not exist yet.
    public static let itemDoesNotExist = DynamoDBExpression("attribute_not_exists(PK)")
    /// The usual update guard: the item must exist.
    public static let itemExists = DynamoDBExpression("attribute_exists(PK)")

    /// Placeholders of `self` and `other` together (used when a condition joins an update).
    func mergedPlaceholders(with other: DynamoDBExpression?) -> (names: [String: String]?, values: DynamoDBItem?) {
        var names = self.names
        var values = self.values
        if let other {
            for (name, value) in other.names { names[name] = value }
            for (name, value) in other.values { values[name] = value }
        }
        return (names.isEmpty ? nil : names, values.isEmpty ? nil : values)
    }
}
