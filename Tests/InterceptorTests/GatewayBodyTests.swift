import Testing
import LambdaEvents
import PlatformJSON

@Suite struct GatewayBodyTests {
    @Test func unchangedDocumentsKeepTheirOriginalBytes() throws {
        let raw = Array(#"{ "a" : 1 }"#.utf8)
        let body = try GatewayBody(eventValue: ["a": 1], encoded: raw, parser: JSONParser())
        #expect(body.replacingDocument(["a": 1]).encoded == raw)
        #expect(body.replacingDocument(["a": 2]).encoded == Array(#"{"a":2}"#.utf8))
    }

    @Test func aStringBodyStaysAString() throws {
        let raw = Array(#""{\"a\" : \"x\"}""#.utf8)
        let body = try GatewayBody(eventValue: .string(#"{"a" : "x"}"#), encoded: raw, parser: JSONParser())
        #expect(body.form == .string)
        let changed = body.replacingDocument(["a": "y\"z"])
        #expect(changed.form == .string)
        #expect(String(decoding: changed.encoded, as: UTF8.self) == #""{\"a\":\"y\\\"z\"}""#)
        #expect(try JSONParser().parse(changed.encoded) == .string(#"{"a":"y\"z"}"#))
    }
}
