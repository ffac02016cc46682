import FoundationEssentials

/// The `Encoder` handed to `encode(to:)`; it writes into one node.
final class DynamoDBItemEncoding: Encoder {
    let node: DynamoDBItemEncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: DynamoDBItemEncodingNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeMap()
        return KeyedEncodingContainer(DynamoDBItemKeyedEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeList()
        return DynamoDBItemUnkeyedEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        DynamoDBItemSingleValueEncodingContainer(node: node, codingPath: codingPath)
    }

    /// Encodes `value` into `node`, handling the types DynamoDB stores natively
    /// before falling back to the value's own `encode(to:)`.
    static func encode<T: Encodable>(_ value: T, into node: DynamoDBItemEncodingNode, codingPath: [any CodingKey]) throws {
        if let special = try nativeValue(value, codingPath: codingPath) {
            node.content = .value(special)
        } else {
            try value.encode(to: DynamoDBItemEncoding(node: node, codingPath: codingPath))
        }
    }

    private static func nativeValue<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> AttributeValue? {
        switch value {
        case let attribute as AttributeValue:
            return attribute
        case let data as Data:
            return .b(data)
        case let date as Date:
            guard DynamoDBItemTimestamp.isRepresentable(date) else {
                throw invalid(value, codingPath, "a date outside years 0000-9999 has no ISO-8601 form")
            }
            return .s(DynamoDBItemTimestamp.string(from: date))
        case let strings as Set<String>:
            try requireNonEmpty(strings, value, codingPath)
            return .ss(strings.sorted())
        case let numbers as Set<Int>:
            try requireNonEmpty(numbers, value, codingPath)
            return .ns(numbers.sorted().map(String.init))
        case let blobs as Set<Data>:
            try requireNonEmpty(blobs, value, codingPath)
            return .bs(blobs.sorted { $0.lexicographicallyPrecedes($1) })
        default:
            return nil
        }
    }

    private static func requireNonEmpty<S: Collection, T>(_ set: S, _ value: T, _ codingPath: [any CodingKey]) throws {
        if set.isEmpty {
            throw invalid(value, codingPath, "DynamoDB has no empty sets; make the attribute optional")
        }
    }

    static func invalid<T>(_ value: T, _ codingPath: [any CodingKey], _ reason: String) -> EncodingError {
        EncodingError.invalidValue(value, .init(
            codingPath: codingPath,
            debugDescription: "attribute '\(DynamoDBItemCodingPath.describe(codingPath))': \(reason)"
        ))
    }

    /// The `N` value for a floating-point number, refusing NaN and infinities.
    static func number<T: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: T, codingPath: [any CodingKey]
    ) throws -> AttributeValue {
        guard let text = DynamoDBItemNumber.text(value) else {
            throw invalid(value, codingPath, "DynamoDB cannot store NaN or infinity")
        }
        return .n(text)
    }
}
