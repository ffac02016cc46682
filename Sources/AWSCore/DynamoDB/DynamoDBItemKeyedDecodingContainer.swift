/// Reads attributes from a map. Missing and `NULL` are both `nil` for
/// optionals; a missing attribute is `keyNotFound` otherwise.
struct DynamoDBItemKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let attributes: [String: AttributeValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { attributes.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { attributes[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        (attributes[key.stringValue] ?? .null) == .null
    }

    private func value(_ key: Key) throws -> AttributeValue {
        guard let value = attributes[key.stringValue] else {
            let path = DynamoDBItemCodingPath.describe(codingPath + [key])
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "attribute '\(path)' is missing"))
        }
        return value
    }

    private func decoder(_ key: Key) throws -> DynamoDBItemDecoding {
        DynamoDBItemDecoding(value: try value(key), codingPath: codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        DynamoDBItemDecoding(value: attributes["super"] ?? .null, codingPath: codingPath + [DynamoDBItemIndexKey.super])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        DynamoDBItemDecoding(value: attributes[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}
