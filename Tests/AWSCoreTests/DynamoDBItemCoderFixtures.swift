import FoundationEssentials
@testable import AWSCore

/// Encodes `value` through a single-value container (or `nil`).
struct SingleValue<T: Codable>: Codable {
    var value: T?
    init(_ value: T?) { self.value = value }
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(T.self)
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

struct Wrapper: Encodable {
    var value: any Encodable
    enum CodingKeys: String, CodingKey { case value }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
    }
}

/// Uses every container method by hand.
struct HandWritten: Encodable {
    enum Keys: String, CodingKey { case a, b, nested, list, custom, x, y, base }
    func encode(to encoder: any Encoder) throws {
        guard encoder.userInfo.isEmpty else { return }
        var first = encoder.container(keyedBy: Keys.self)
        try first.encode("first", forKey: .a)
        var second = encoder.container(keyedBy: Keys.self)
        try second.encode("second", forKey: .b)
        var nested = second.nestedContainer(keyedBy: Keys.self, forKey: .nested)
        try nested.encode(1, forKey: .x)
        var list = second.nestedUnkeyedContainer(forKey: .list)
        var element = list.nestedContainer(keyedBy: Keys.self)
        try element.encode(false, forKey: .y)
        var inner = list.nestedUnkeyedContainer()
        try inner.encode("deep")
        var viaSuper = list.superEncoder().singleValueContainer()
        try viaSuper.encode("via super")
        try list.encodeNil()
        var parent = second.superEncoder().container(keyedBy: Keys.self)
        try parent.encode("parent", forKey: .base)
        var custom = second.superEncoder(forKey: .custom).container(keyedBy: Keys.self)
        try custom.encode("child", forKey: .base)
        try second.encodeNil(forKey: .x)
    }
}

struct AllPrimitivesInAList: Encodable {
    enum Keys: String, CodingKey { case list }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(true)
        try list.encode("s")
        try list.encode(1.5)
        try list.encode(Float(2.5))
        try list.encode(Int(1))
        try list.encode(Int8(2))
        try list.encode(Int16(3))
        try list.encode(Int32(4))
        try list.encode(Int64(5))
        try list.encode(UInt(6))
        try list.encode(UInt8(7))
        try list.encode(UInt16(8))
        try list.encode(UInt32(9))
        try list.encode(UInt64(10))
        try list.encodeNil()
    }
}

/// Decodes one attribute per primitive type through a keyed container.
struct KeyedPrimitives: Decodable, Equatable {
    var bool: Bool, string: String, double: Double, float: Float, int: Int, int8: Int8, int16: Int16
    var int32: Int32, int64: Int64, uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64

    static let item: [String: AttributeValue] = [
        "bool": .bool(true), "string": .s("s"), "double": .n("1.5"), "float": .n("2.5"), "int": .n("1"),
        "int8": .n("2"), "int16": .n("3"), "int32": .n("4"), "int64": .n("5"), "uint": .n("6"), "uint8": .n("7"),
        "uint16": .n("8"), "uint32": .n("9"), "uint64": .n("10"),
    ]
    static let expected = KeyedPrimitives(
        bool: true, string: "s", double: 1.5, float: 2.5, int: 1, int8: 2, int16: 3, int32: 4, int64: 5,
        uint: 6, uint8: 7, uint16: 8, uint32: 9, uint64: 10
    )
}

/// Decodes each primitive type through an unkeyed container.
struct UnkeyedPrimitives: Decodable {
    var values: [String] = []
    enum Keys: String, CodingKey { case list }
    static let list: AttributeValue = .l([
        .bool(true), .s("s"), .n("1.5"), .n("2.5"), .n("1"), .n("2"), .n("3"), .n("4"), .n("5"),
        .n("6"), .n("7"), .n("8"), .n("9"), .n("10"), .null,
    ])

    init(from decoder: any Decoder) throws {
        var list = try decoder.container(keyedBy: Keys.self).nestedUnkeyedContainer(forKey: .list)
        values.append("\(try list.decode(Bool.self))")
        values.append(try list.decode(String.self))
        values.append("\(try list.decode(Double.self))")
        values.append("\(try list.decode(Float.self))")
        values.append("\(try list.decode(Int.self))")
        values.append("\(try list.decode(Int8.self))")
        values.append("\(try list.decode(Int16.self))")
        values.append("\(try list.decode(Int32.self))")
        values.append("\(try list.decode(Int64.self))")
        values.append("\(try list.decode(UInt.self))")
        values.append("\(try list.decode(UInt8.self))")
        values.append("\(try list.decode(UInt16.self))")
        values.append("\(try list.decode(UInt32.self))")
        values.append("\(try list.decode(UInt64.self))")
        values.append("\(try list.decodeNil())")
        let trailingNil = try list.decodeNil()
        if list.count != 15 || !list.isAtEnd || trailingNil { values = [] }
    }
}

/// Reads what `HandWritten` writes, through every decoding container method.
struct HandRead: Decodable {
    var summary: [String] = []
    enum Keys: String, CodingKey { case nested, list, custom, x, y, base }

    init(from decoder: any Decoder) throws {
        guard decoder.userInfo.isEmpty else { return }
        let container = try decoder.container(keyedBy: Keys.self)
        summary.append("\(try container.nestedContainer(keyedBy: Keys.self, forKey: .nested).decode(Int.self, forKey: .x))")
        var list = try container.nestedUnkeyedContainer(forKey: .list)
        summary.append("\(try list.nestedContainer(keyedBy: Keys.self).decode(Bool.self, forKey: .y))")
        var inner = try list.nestedUnkeyedContainer()
        summary.append(try inner.decode(String.self))
        summary.append(try list.superDecoder().singleValueContainer().decode(String.self))
        summary.append(try list.decodeNil() ? "nil" : "value")
        for parent in [try container.superDecoder(), try container.superDecoder(forKey: .custom)] {
            let single = try parent.singleValueContainer()
            summary.append(single.decodeNil() ? "missing" : try parent.container(keyedBy: Keys.self).decode(String.self, forKey: .base))
        }
        summary.append("keys \(container.allKeys.count)")
    }
}
