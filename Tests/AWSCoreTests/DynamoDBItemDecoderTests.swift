import FoundationEssentials
import Testing
@testable import AWSCore

@Suite struct DynamoDBItemDecoderTests {
    struct Record: Codable, Equatable {
        struct Inner: Codable, Equatable { var count: Int }
        var id: String
        var note: String?
        var inner: Inner?
        var items: [Inner]?
    }

    private func decode<T: Decodable>(_ type: T.Type, _ item: [String: AttributeValue]) throws -> T {
        try DynamoDBItemDecoder().decode(type, from: item)
    }

    /// The error's description, which must name the attribute path.
    private func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let error as DecodingError {
            switch error {
            case .keyNotFound(_, let context), .typeMismatch(_, let context),
                 .valueNotFound(_, let context), .dataCorrupted(let context):
                return context.debugDescription
            @unknown default:
                return "unknown"
            }
        } catch {
            return "other \(error)"
        }
    }

    @Test func missingAndNullBothDecodeAsNilForOptionals() throws {
        #expect(try decode(Record.self, ["id": .s("a")]) == Record(id: "a"))
        #expect(try decode(Record.self, ["id": .s("a"), "note": .null, "inner": .null, "items": .null]) == Record(id: "a"))
    }

    @Test func missingNonOptionalIsKeyNotFoundNamingTheKey() {
        #expect(throws: DecodingError.self) { try decode(Record.self, [:]) }
        #expect(message { _ = try decode(Record.self, [:]) } == "attribute 'id' is missing")
        #expect(message { _ = try decode(Record.self, ["id": .s("a"), "inner": .m([:])]) } == "attribute 'inner.count' is missing")
        do {
            _ = try decode(Record.self, [:])
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "id")
        } catch {
            Issue.record("expected keyNotFound, got \(error)")
        }
    }

    @Test func typeMismatchesNameTheKeyPathNotTheContent() {
        let wrongTop = message { _ = try decode(Record.self, ["id": .n("12345")]) }
        #expect(wrongTop == "attribute 'id' is N, expected S")
        let nested: [String: AttributeValue] = ["id": .s("a"), "items": .l([.m(["count": .n("1")]), .m(["count": .s("secret")])])]
        let wrongNested = message { _ = try decode(Record.self, nested) }
        #expect(wrongNested == "attribute 'items[1].count' is S, expected N")
        #expect(!wrongNested.contains("secret"))
        #expect(message { _ = try decode(Record.self, ["id": .s("a"), "inner": .l([])]) } == "attribute 'inner' is L, expected M")
        #expect(message { _ = try decode(Record.self, ["id": .s("a"), "items": .s("x")]) } == "attribute 'items' is S, expected L")
    }

    @Test func nullForANonOptionalIsValueNotFound() {
        do {
            _ = try decode(Record.self, ["id": .null])
            Issue.record("decoded NULL as a string")
        } catch DecodingError.valueNotFound(_, let context) {
            #expect(context.debugDescription == "attribute 'id' is NULL, expected S")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func numbersDecodeExactlyOrFailNamingTheAttribute() throws {
        struct Numbers: Codable { var big: Int64; var small: Int8?; var ratio: Double? }
        #expect(try decode(Numbers.self, ["big": .n("9007199254740993")]).big == 9_007_199_254_740_993)
        #expect(message { _ = try decode(Numbers.self, ["big": .n("1"), "small": .n("300")]) } == "attribute 'small' does not fit Int8")
        #expect(message { _ = try decode(Numbers.self, ["big": .n("1.5")]) } == "attribute 'big' is not an integer, expected Int64")
        #expect(message { _ = try decode(Numbers.self, ["big": .n("x")]) } == "attribute 'big' is not a decimal number")
        #expect(message { _ = try decode(Numbers.self, ["big": .n("1"), "ratio": .n("1e999")]) } == "attribute 'ratio' does not fit Double")
        #expect(message { _ = try decode(Numbers.self, ["big": .n("1"), "ratio": .s("1")]) } == "attribute 'ratio' is S, expected N")
    }

    @Test func datesMustBeTheOneTimestampFormat() throws {
        struct When: Codable { var at: Date }
        #expect(try decode(When.self, ["at": .s("2026-11-25T12:34:56.789Z")]).at == Date(timeIntervalSince1970: 1_795_610_096.789))
        #expect(message { _ = try decode(When.self, ["at": .s("2026-11-25T12:34:56Z")]) }
            == "attribute 'at' is not an ISO-8601 UTC timestamp with milliseconds (YYYY-MM-DDTHH:MM:SS.sssZ)")
        #expect(message { _ = try decode(When.self, ["at": .n("1")]) } == "attribute 'at' is N, expected S")
    }

    @Test func nativeTypesRefuseOtherTags() {
        struct Native: Codable { var data: Data?; var tags: Set<String>?; var numbers: Set<Int>?; var blobs: Set<Data>?; var flag: Bool? }
        #expect(message { _ = try decode(Native.self, ["data": .s("x")]) } == "attribute 'data' is S, expected B")
        #expect(message { _ = try decode(Native.self, ["tags": .l([])]) } == "attribute 'tags' is L, expected SS")
        #expect(message { _ = try decode(Native.self, ["numbers": .ss([])]) } == "attribute 'numbers' is SS, expected NS")
        #expect(message { _ = try decode(Native.self, ["numbers": .ns(["1.5"])]) } == "attribute 'numbers' is not an integer, expected Int")
        #expect(message { _ = try decode(Native.self, ["blobs": .bool(true)]) } == "attribute 'blobs' is BOOL, expected BS")
        #expect(message { _ = try decode(Native.self, ["flag": .b(Data())]) } == "attribute 'flag' is B, expected BOOL")
        #expect(message { _ = try decode(Native.self, ["flag": .bs([])]) } == "attribute 'flag' is BS, expected BOOL")
        #expect(message { _ = try decode(Native.self, ["flag": .ns([])]) } == "attribute 'flag' is NS, expected BOOL")
        #expect(message { _ = try decode(Native.self, ["flag": .m([:])]) } == "attribute 'flag' is M, expected BOOL")
    }

    @Test func arraysReadListsAndSets() throws {
        struct Arrays: Codable { var strings: [String]; var numbers: [Int]; var blobs: [Data] }
        let decoded = try decode(Arrays.self, ["strings": .ss(["a"]), "numbers": .ns(["2"]), "blobs": .bs([Data([1])])])
        #expect(decoded.strings == ["a"] && decoded.numbers == [2] && decoded.blobs == [Data([1])])
    }

    @Test func singleValuesDecodeEveryPrimitive() throws {
        func one<T: Codable & Equatable>(_ type: T.Type, _ value: AttributeValue) throws -> T? {
            try decode([String: SingleValue<T>].self, ["v": value])["v"]?.value
        }
        #expect(try one(Bool.self, .bool(true)) == true)
        #expect(try one(String.self, .s("s")) == "s")
        #expect(try one(Double.self, .n("1.25")) == 1.25)
        #expect(try one(Float.self, .n("2.5")) == 2.5)
        #expect(try one(Int.self, .n("-3")) == -3)
        #expect(try one(Int8.self, .n("-4")) == -4)
        #expect(try one(Int16.self, .n("5")) == 5)
        #expect(try one(Int32.self, .n("6")) == 6)
        #expect(try one(Int64.self, .n("7")) == 7)
        #expect(try one(UInt.self, .n("8")) == 8)
        #expect(try one(UInt8.self, .n("9")) == 9)
        #expect(try one(UInt16.self, .n("10")) == 10)
        #expect(try one(UInt32.self, .n("11")) == 11)
        #expect(try one(UInt64.self, .n("12")) == 12)
        #expect(try one(Data.self, .b(Data([1]))) == Data([1]))
        #expect(try one(Int.self, .null) == nil)
    }

    @Test func keyedContainersDecodeEveryPrimitive() throws {
        let decoded = try decode(KeyedPrimitives.self, KeyedPrimitives.item)
        #expect(decoded == KeyedPrimitives.expected)
    }

    @Test func unkeyedContainersDecodeEveryPrimitiveAndReportTheEnd() throws {
        let decoded = try decode(UnkeyedPrimitives.self, ["list": UnkeyedPrimitives.list])
        #expect(decoded.values.count == 15)
        #expect(message { _ = try decode(UnkeyedPrimitives.self, ["list": .l([.bool(true)])]) }
            == "attribute 'list' has no element 1")
    }

    @Test func handWrittenDecodersReachNestedAndSuperContainers() throws {
        let item: [String: AttributeValue] = [
            "nested": .m(["x": .n("1")]),
            "list": .l([.m(["y": .bool(false)]), .l([.s("deep")]), .s("via super"), .null]),
            "super": .m(["base": .s("parent")]),
            "custom": .m(["base": .s("child")]),
        ]
        let decoded = try decode(HandRead.self, item)
        #expect(decoded.summary == ["1", "false", "deep", "via super", "nil", "parent", "child", "keys 3"])
        let withoutSuper = try decode(HandRead.self, item.filter { $0.key != "super" && $0.key != "custom" })
        #expect(withoutSuper.summary.suffix(3) == ["missing", "missing", "keys 2"])
    }

    @Test func rawAttributeValuesPassThrough() throws {
        let raw: [String: AttributeValue] = ["a": .ns(["1"]), "b": .null]
        #expect(try decode([String: AttributeValue].self, raw) == raw)
    }
}
