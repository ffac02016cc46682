import FoundationEssentials

/// The `Decoder` (and single-value container) over one attribute value.
final class DynamoDBItemDecoding: Decoder, SingleValueDecodingContainer {
    let value: AttributeValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: AttributeValue, codingPath: [any CodingKey]) {
        self.value = value
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .m(let attributes) = value else {
            throw Self.mismatch([String: AttributeValue].self, value, codingPath, expected: "M")
        }
        return KeyedDecodingContainer(DynamoDBItemKeyedDecodingContainer<Key>(attributes: attributes, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let elements: [AttributeValue]
        switch value {
        case .l(let list): elements = list
        case .ss(let strings): elements = strings.map(AttributeValue.s)
        case .ns(let numbers): elements = numbers.map(AttributeValue.n)
        case .bs(let blobs): elements = blobs.map(AttributeValue.b)
        default: throw Self.mismatch([AttributeValue].self, value, codingPath, expected: "L")
        }
        return DynamoDBItemUnkeyedDecodingContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try Self.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try Self.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Self.floatingPoint(value, type, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try Self.floatingPoint(value, type, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try Self.integer(value, type, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Self.integer(value, type, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Self.integer(value, type, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Self.integer(value, type, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Self.integer(value, type, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Self.integer(value, type, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Self.integer(value, type, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Self.integer(value, type, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Self.integer(value, type, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Self.integer(value, type, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Self.decode(type, from: value, codingPath: codingPath) }

    // MARK: Conversions shared by the containers

    static func decode<T: Decodable>(_ type: T.Type, from value: AttributeValue, codingPath: [any CodingKey]) throws -> T {
        // Unwrap before casting: a nil `Any?` would cast successfully to an optional `T`.
        if let native = try nativeValue(type, from: value, codingPath: codingPath), let typed = native as? T {
            return typed
        }
        return try T(from: DynamoDBItemDecoding(value: value, codingPath: codingPath))
    }

    /// The types DynamoDB stores natively, read without `init(from:)`.
    private static func nativeValue<T>(_ type: T.Type, from value: AttributeValue, codingPath: [any CodingKey]) throws -> Any? {
        if type == AttributeValue.self { return value }
        if type == Data.self {
            guard case .b(let data) = value else { throw mismatch(type, value, codingPath, expected: "B") }
            return data
        }
        if type == Date.self {
            let text = try string(value, codingPath)
            guard let date = DynamoDBItemTimestamp.date(from: text) else {
                throw corrupted(codingPath, "is not an ISO-8601 UTC timestamp with milliseconds (YYYY-MM-DDTHH:MM:SS.sssZ)")
            }
            return date
        }
        if type == Set<String>.self {
            guard case .ss(let strings) = value else { throw mismatch(type, value, codingPath, expected: "SS") }
            return Set(strings)
        }
        if type == Set<Int>.self {
            guard case .ns(let numbers) = value else { throw mismatch(type, value, codingPath, expected: "NS") }
            return Set(try numbers.map { try integer(.n($0), Int.self, codingPath) })
        }
        if type == Set<Data>.self {
            guard case .bs(let blobs) = value else { throw mismatch(type, value, codingPath, expected: "BS") }
            return Set(blobs)
        }
        return nil
    }

    static func string(_ value: AttributeValue, _ codingPath: [any CodingKey]) throws -> String {
        guard case .s(let text) = value else { throw mismatch(String.self, value, codingPath, expected: "S") }
        return text
    }

    static func bool(_ value: AttributeValue, _ codingPath: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, value, codingPath, expected: "BOOL") }
        return flag
    }

    static func integer<T: FixedWidthInteger>(_ value: AttributeValue, _ type: T.Type, _ codingPath: [any CodingKey]) throws -> T {
        guard case .n(let text) = value else { throw mismatch(type, value, codingPath, expected: "N") }
        do {
            return try DynamoDBItemNumber.integer(text, as: type)
        } catch {
            throw numberError(error, type, codingPath)
        }
    }

    static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: AttributeValue, _ type: T.Type, _ codingPath: [any CodingKey]
    ) throws -> T {
        guard case .n(let text) = value else { throw mismatch(type, value, codingPath, expected: "N") }
        do {
            return try DynamoDBItemNumber.floatingPoint(text, as: type)
        } catch {
            throw numberError(error, type, codingPath)
        }
    }

    private static func numberError<T>(_ failure: DynamoDBItemNumber.Failure, _ type: T.Type, _ codingPath: [any CodingKey]) -> DecodingError {
        switch failure {
        case .notANumber: return corrupted(codingPath, "is not a decimal number")
        case .notIntegral: return corrupted(codingPath, "is not an integer, expected \(type)")
        case .outOfRange: return corrupted(codingPath, "does not fit \(type)")
        }
    }

    static func corrupted(_ codingPath: [any CodingKey], _ reason: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: "attribute '\(DynamoDBItemCodingPath.describe(codingPath))' \(reason)"))
    }

    /// A type mismatch, or `valueNotFound` when the attribute is `NULL`.
    static func mismatch<T>(_ type: T.Type, _ value: AttributeValue, _ codingPath: [any CodingKey], expected: String) -> DecodingError {
        let path = DynamoDBItemCodingPath.describe(codingPath)
        if value == .null {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "attribute '\(path)' is NULL, expected \(expected)"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "attribute '\(path)' is \(tag(of: value)), expected \(expected)"))
    }

    static func tag(of value: AttributeValue) -> String {
        switch value {
        case .s: "S"
        case .n: "N"
        case .b: "B"
        case .ss: "SS"
        case .ns: "NS"
        case .bs: "BS"
        case .m: "M"
        case .l: "L"
        case .null: "NULL"
        case .bool: "BOOL"
        }
    }
}
