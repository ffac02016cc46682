import FoundationEssentials
import Testing
@testable import AWSCore

@Suite struct AttributeValueTests {
    @Test func roundTripsEveryTypeInWireFormat() throws {
        let item: [String: AttributeValue] = [
            "s": .s("text"), "n": .n("12345678901234567890.5"), "b": .b(Data([0, 1, 255])),
            "ss": .ss(["a", "b"]), "ns": .ns(["1", "2"]), "bs": .bs([Data([1])]),
            "m": .m(["inner": .l([.null, .bool(true)])]),
        ]
        let data = try JSONEncoder().encode(item)
        let decoded = try JSONDecoder().decode([String: AttributeValue].self, from: data)
        #expect(decoded == item)
        let wire = String(decoding: data, as: UTF8.self)
        #expect(wire.contains(#""N":"12345678901234567890.5""#))
        #expect(wire.contains(#""NULL":true"#))
    }

    @Test func rejectsValuesWithoutExactlyOneTag() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"S":"a","N":"1"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AttributeValue.self, from: Data(#"{}"#.utf8))
        }
    }
}
