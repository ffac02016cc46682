/// Writes attributes into a map node. `nil` leaves the attribute out.
struct DynamoDBItemKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: DynamoDBItemEncodingNode
    let codingPath: [any CodingKey]

    private func put(_ value: AttributeValue, _ key: Key) {
        let child = DynamoDBItemEncodingNode()
        child.content = .value(value)
        node.set(child, forKey: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.s(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(try DynamoDBItemEncoding.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(try DynamoDBItemEncoding.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.n(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.n(String(value)), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = DynamoDBItemEncodingNode()
        try DynamoDBItemEncoding.encode(value, into: child, codingPath: codingPath + [key])
        node.set(child, forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = DynamoDBItemEncodingNode()
        node.set(child, forKey: key.stringValue)
        return DynamoDBItemEncoding(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = DynamoDBItemEncodingNode()
        node.set(child, forKey: key.stringValue)
        return DynamoDBItemEncoding(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(key: DynamoDBItemIndexKey.super.stringValue, codingKey: DynamoDBItemIndexKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(key: key.stringValue, codingKey: key)
    }

    private func superEncoder(key: String, codingKey: any CodingKey) -> any Encoder {
        let child = DynamoDBItemEncodingNode()
        node.set(child, forKey: key)
        return DynamoDBItemEncoding(node: child, codingPath: codingPath + [codingKey])
    }
}
