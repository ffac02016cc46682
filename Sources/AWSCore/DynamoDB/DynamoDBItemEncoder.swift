import FoundationEssentials

/// Encodes an `Encodable` value as a DynamoDB item (`[String: AttributeValue]`).
///
/// Mapping: `String` -> `S`; integers and finite floating-point numbers -> `N`
/// (integers through their exact decimal text); `Bool` -> `BOOL`; `Data` -> `B`;
/// `Date` -> `S` in ``DynamoDBItemTimestamp`` form; `Set<String>` -> `SS`;
/// `Set<Int>` -> `NS`; `Set<Data>` -> `BS`; arrays -> `L`; structs and
/// dictionaries -> `M`; an ``AttributeValue`` is written as itself.
/// A `nil` optional is omitted from its map (never `NULL`); inside a list it
/// becomes `NULL` so positions are kept. DynamoDB has no empty sets, so an empty
/// set is an encoding error (model it as optional instead).
public struct DynamoDBItemEncoder: Sendable {
    public init() {}

    /// The item for `value`, which must encode as a keyed container.
    public func encode<T: Encodable>(_ value: T) throws -> [String: AttributeValue] {
        let root = DynamoDBItemEncodingNode()
        try DynamoDBItemEncoding.encode(value, into: root, codingPath: [])
        guard case .m(let item)? = root.attributeValue() else {
            throw EncodingError.invalidValue(value, .init(
                codingPath: [],
                debugDescription: "a DynamoDB item must encode as a keyed container (a map of attributes)"
            ))
        }
        return item
    }
}
