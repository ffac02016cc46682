import Foundation
import Testing
import PlatformJSON

@Suite struct JSONValueCodableTests {
    @Test func decodesEveryKindOfValue() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"s":"x","i":42,"f":1.5,"b":true,"n":null,"a":[1,"two",[]],"o":{}}"#.utf8))
        #expect(value["s"] == "x")
        #expect(value["i"] == 42)
        #expect(value["f"] == 1.5)
        #expect(value["b"] == true)
        #expect(value["n"] == .null)
        #expect(value["a"] == [1, "two", []])
        #expect(value["o"] == .object([:]))
        #expect(value.objectValue?.keys.sorted() == ["a", "b", "f", "i", "n", "o", "s"])
    }

    @Test func encodesNumbersAsIntegersWhenTheyAre() throws {
        let value: JSONValue = ["z": 3, "a": 0.25, "m": [true, nil, "s"], "big": .number(try #require(JSONParser().parse("1e3").numberValue))]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(text == #"{"a":0.25,"big":1000,"m":[true,null,"s"],"z":3}"#)
    }

    @Test func roundTripsThroughCodable() throws {
        let value: JSONValue = ["exp": JSONValue(1_800_000_000.0), "f": 1.5, "neg": -7, "list": ["a", 2, false, nil], "o": ["k": "v"]]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let decoded = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
        #expect(decoded["exp"] == value["exp"])
        #expect(decoded["f"] == 1.5)
        #expect(decoded["list"] == value["list"])
        #expect(decoded["o"] == value["o"])
    }

    @Test func anUnrepresentableNumberCannotBeEncoded() throws {
        let huge = try JSONParser().parse("1e999")
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(huge) }
    }

    @Test func doublesBecomeCanonicalLiterals() {
        #expect(JSONNumber(3.0)?.literal == "3")
        #expect(JSONNumber(-0.5)?.literal == "-0.5")
        #expect(JSONNumber(1e300)?.literal == "1e+300")
        #expect(JSONNumber(.nan) == nil)
        #expect(JSONNumber(-.infinity) == nil)
        #expect(JSONValue(.infinity) == .null)
        #expect(JSONNumber(7).doubleValue == 7)
    }

    @Test func stringDictionariesBecomeObjectsInKeyOrder() {
        #expect(JSONValue(["b": "2", "a": "1"]).serializedString == #"{"a":"1","b":"2"}"#)
    }
}
