/// Appends elements to a list node; `nil` elements become `NULL`.
struct DynamoDBItemUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let node: DynamoDBItemEncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.listCount }

    private func nextNode() -> (DynamoDBItemEncodingNode, [any CodingKey]) {
        let path = codingPath + [DynamoDBItemIndexKey(index: count)]
        let child = DynamoDBItemEncodingNode()
        node.append(child)
        return (child, path)
    }

    private func put(_ value: AttributeValue) {
        nextNode().0.content = .value(value)
    }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.s(value)) }
    mutating func encode(_ value: Double) throws {
        put(try DynamoDBItemEncoding.number(value, codingPath: codingPath + [DynamoDBItemIndexKey(index: count)]))
    }
    mutating func encode(_ value: Float) throws {
        put(try DynamoDBItemEncoding.number(value, codingPath: codingPath + [DynamoDBItemIndexKey(index: count)]))
    }
    mutating func encode(_ value: Int) throws { put(.n(String(value))) }
    mutating func encode(_ value: Int8) throws { put(.n(String(value))) }
    mutating func encode(_ value: Int16) throws { put(.n(String(value))) }
    mutating func encode(_ value: Int32) throws { put(.n(String(value))) }
    mutating func encode(_ value: Int64) throws { put(.n(String(value))) }
    mutating func encode(_ value: UInt) throws { put(.n(String(value))) }
    mutating func encode(_ value: UInt8) throws { put(.n(String(value))) }
    mutating func encode(_ value: UInt16) throws { put(.n(String(value))) }
    mutating func encode(_ value: UInt32) throws { put(.n(String(value))) }
    mutating func encode(_ value: UInt64) throws { put(.n(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let (child, path) = nextNode()
        try DynamoDBItemEncoding.encode(value, into: child, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (child, path) = nextNode()
        return DynamoDBItemEncoding(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (child, path) = nextNode()
        return DynamoDBItemEncoding(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let (child, path) = nextNode()
        return DynamoDBItemEncoding(node: child, codingPath: path)
    }
}
