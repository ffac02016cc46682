/// Sets the value of one node; `encodeNil` marks it absent.
struct DynamoDBItemSingleValueEncodingContainer: SingleValueEncodingContainer {
    let node: DynamoDBItemEncodingNode
    let codingPath: [any CodingKey]

    private func put(_ value: AttributeValue) { node.content = .value(value) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.s(value)) }
    mutating func encode(_ value: Double) throws { put(try DynamoDBItemEncoding.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { put(try DynamoDBItemEncoding.number(value, codingPath: codingPath)) }
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
        try DynamoDBItemEncoding.encode(value, into: node, codingPath: codingPath)
    }
}
