import Testing
import PlatformJSON
@Suite struct JSONValueTests {
    @Test func serializesCompactlyInStoredOrder() {
        let value: JSONValue = ["b": 1, "a": [true, nil, "x"], "c": ["d": false]]
        #expect(value.serializedString == #"{"b":1,"a":[true,null,"x"],"c":{"d":false}}"#)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        let value = JSONValue.string("q\"b\\s/n\nr\rt\tc\u{01}é😀")
        #expect(value.serializedString == #""q\"b\\s/n\nr\rt\tc\u0001é😀""#)
    }

    @Test func roundTripsThroughTheParser() throws {
        let original: JSONValue = ["z": "\u{1F}\u{7F}", "list": [1, ["k": nil]], "e": .object(JSONObject())]
        #expect(try JSONParser().parse(original.serialized()) == original)
    }

    @Test func objectSubscriptReplacesInPlaceAppendsAndRemoves() {
        var object = JSONObject([("a", 1), ("b", 2), ("c", 3)])
        object["b"] = "two"
        object["d"] = 4
        object["a"] = nil
        object["missing"] = nil
        #expect(object.keys == ["b", "c", "d"])
        #expect(object["b"] == "two")
        #expect(object.count == 3)
    }

    @Test func repeatedKeysInALiteralKeepTheFirstPosition() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func accessorsReturnNilForOtherKinds() {
        let value: JSONValue = "text"
        #expect(value.stringValue == "text")
        #expect(value.objectValue == nil)
        #expect(value.arrayValue == nil)
        #expect(value["key"] == nil)
        #expect(JSONValue.array([1]).arrayValue == [1])
    }

    @Test func buildsAnObjectFromMembersKeepingFirstPositionAndLastValue() {
        let object = JSONObject(members: [.init(key: "b", value: 1), .init(key: "a", value: 2), .init(key: "b", value: 3)])
        #expect(object.keys == ["b", "a"])
        #expect(object == JSONObject([("b", 3), ("a", 2)]))
    }
}
