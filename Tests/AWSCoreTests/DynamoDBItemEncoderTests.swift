import FoundationEssentials
import Testing
@testable import AWSCore

/// Every type the coder maps natively, nested maps and lists, and optionals.
struct DynamoDBItemFixture: Codable, Equatable {
    struct Inner: Codable, Equatable {
        var name: String
        var scores: [Int]
    }

    var text: String
    var flag: Bool
    var int: Int
    var int8: Int8
    var int16: Int16
    var int32: Int32
    var int64: Int64
    var uint: UInt
    var uint8: UInt8
    var uint16: UInt16
    var uint32: UInt32
    var uint64: UInt64
    var double: Double
    var float: Float
    var data: Data
    var date: Date
    var tags: Set<String>
    var numbers: Set<Int>
    var blobs: Set<Data>
    var inner: Inner
    var list: [Inner]
    var matrix: [[String]]
    var dictionary: [String: Double]
    var optional: String?
    var optionals: [Int?]
    var raw: AttributeValue

    static let sample = DynamoDBItemFixture(
        text: "hello", flag: true, int: -1, int8: -8, int16: 16, int32: -32, int64: 9_007_199_254_740_993,
        uint: 1, uint8: 255, uint16: 65535, uint32: 4_294_967_295, uint64: .max, double: 0.1, float: 1.5,
        data: Data([0, 1, 2]), date: Date(timeIntervalSince1970: 1_795_610_096.789),
        tags: ["b", "a"], numbers: [3, -1], blobs: [Data([2]), Data([1])],
        inner: Inner(name: "n", scores: [1, 2]), list: [Inner(name: "x", scores: [])],
        matrix: [["a"], []], dictionary: ["k": 2.5], optional: nil, optionals: [1, nil],
        raw: .m(["S": .s("kept as is")])
    )
}

@Suite struct DynamoDBItemEncoderTests {
    @Test func encodesEveryNativeType() throws {
        let item = try DynamoDBItemEncoder().encode(DynamoDBItemFixture.sample)
        #expect(item["text"] == .s("hello"))
        #expect(item["flag"] == .bool(true))
        #expect(item["int"] == .n("-1"))
        #expect(item["int8"] == .n("-8"))
        #expect(item["int16"] == .n("16"))
        #expect(item["int32"] == .n("-32"))
        #expect(item["int64"] == .n("9007199254740993"))
        #expect(item["uint"] == .n("1"))
        #expect(item["uint8"] == .n("255"))
        #expect(item["uint16"] == .n("65535"))
        #expect(item["uint32"] == .n("4294967295"))
        #expect(item["uint64"] == .n("18446744073709551615"))
        #expect(item["double"] == .n("0.1"))
        #expect(item["float"] == .n("1.5"))
        #expect(item["data"] == .b(Data([0, 1, 2])))
        #expect(item["date"] == .s("2026-11-25T12:34:56.789Z"))
        #expect(item["tags"] == .ss(["a", "b"]))
        #expect(item["numbers"] == .ns(["-1", "3"]))
        #expect(item["blobs"] == .bs([Data([1]), Data([2])]))
        #expect(item["inner"] == .m(["name": .s("n"), "scores": .l([.n("1"), .n("2")])]))
        #expect(item["list"] == .l([.m(["name": .s("x"), "scores": .l([])])]))
        #expect(item["matrix"] == .l([.l([.s("a")]), .l([])]))
        #expect(item["dictionary"] == .m(["k": .n("2.5")]))
        #expect(item["optionals"] == .l([.n("1"), .null]))
        #expect(item["raw"] == .m(["S": .s("kept as is")]))
        #expect(item["optional"] == nil, "nil is omitted, not NULL")
        #expect(item.count == 25)
    }

    @Test func roundTripsThroughTheDecoder() throws {
        let item = try DynamoDBItemEncoder().encode(DynamoDBItemFixture.sample)
        let decoded = try DynamoDBItemDecoder().decode(DynamoDBItemFixture.self, from: item)
        #expect(decoded == DynamoDBItemFixture.sample)
    }

    @Test func refusesAValueThatIsNotAMap() {
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode("just a string") }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode([1, 2]) }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(String?.none) }
    }

    @Test func refusesNonFiniteNumbersNamingTheAttribute() {
        struct Box<T: Codable>: Codable { var value: T; var list: [T]? }
        for value: any Codable in [Box(value: Double.nan, list: nil), Box(value: Float.infinity, list: nil),
                                   Box(value: 1.0, list: [Double.nan]), Box(value: Float(1), list: [.nan])] {
            do {
                _ = try DynamoDBItemEncoder().encode(value)
                Issue.record("encoded a non-finite number")
            } catch let EncodingError.invalidValue(_, context) {
                #expect(context.debugDescription.contains("NaN or infinity"))
                #expect(context.debugDescription.contains("attribute 'value'") || context.debugDescription.contains("attribute 'list[0]'"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func refusesEmptySetsAndUnrepresentableDates() {
        struct Tags: Codable { var tags: Set<String> }
        struct Numbers: Codable { var numbers: Set<Int> }
        struct Blobs: Codable { var blobs: Set<Data> }
        struct When: Codable { var when: Date }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(Tags(tags: [])) }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(Numbers(numbers: [])) }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(Blobs(blobs: [])) }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(When(when: .distantFuture.addingTimeInterval(1e12))) }
    }

    @Test func singleValueContainersWriteEveryPrimitive() throws {
        let values: [(any Encodable, AttributeValue)] = [
            (SingleValue(true), .bool(true)), (SingleValue("s"), .s("s")), (SingleValue(1.25), .n("1.25")),
            (SingleValue(Float(2.5)), .n("2.5")), (SingleValue(Int(-3)), .n("-3")), (SingleValue(Int8(-4)), .n("-4")),
            (SingleValue(Int16(5)), .n("5")), (SingleValue(Int32(6)), .n("6")), (SingleValue(Int64(7)), .n("7")),
            (SingleValue(UInt(8)), .n("8")), (SingleValue(UInt8(9)), .n("9")), (SingleValue(UInt16(10)), .n("10")),
            (SingleValue(UInt32(11)), .n("11")), (SingleValue(UInt64(12)), .n("12")),
            (SingleValue(Data([7])), .b(Data([7]))),
        ]
        for (value, expected) in values {
            let item = try DynamoDBItemEncoder().encode(Wrapper(value: value))
            #expect(item == ["value": expected])
        }
        #expect(try DynamoDBItemEncoder().encode(Wrapper(value: SingleValue<Int>(nil))) == [:])
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(Wrapper(value: SingleValue(Double.nan))) }
        #expect(throws: EncodingError.self) { try DynamoDBItemEncoder().encode(Wrapper(value: SingleValue(Float.nan))) }
    }

    @Test func handWrittenContainersNestAndShareMaps() throws {
        let item = try DynamoDBItemEncoder().encode(HandWritten())
        #expect(item == [
            "a": .s("first"), "b": .s("second"),
            "nested": .m(["x": .n("1")]),
            "list": .l([.m(["y": .bool(false)]), .l([.s("deep")]), .s("via super"), .null]),
            "super": .m(["base": .s("parent")]),
            "custom": .m(["base": .s("child")]),
        ])
    }

    @Test func listContainersWriteEveryPrimitive() throws {
        let item = try DynamoDBItemEncoder().encode(AllPrimitivesInAList())
        #expect(item == ["list": .l([
            .bool(true), .s("s"), .n("1.5"), .n("2.5"), .n("1"), .n("2"), .n("3"), .n("4"), .n("5"),
            .n("6"), .n("7"), .n("8"), .n("9"), .n("10"), .null,
        ])])
    }

    @Test func describesPathsForMessages() {
        #expect(DynamoDBItemCodingPath.describe([]) == "<item>")
        let path: [any CodingKey] = [DynamoDBItemIndexKey(stringValue: "a"), DynamoDBItemIndexKey(index: 2), DynamoDBItemIndexKey(stringValue: "b")]
        #expect(DynamoDBItemCodingPath.describe(path) == "a[2].b")
        #expect(DynamoDBItemIndexKey(intValue: 3)?.stringValue == "Index 3")
    }
}
