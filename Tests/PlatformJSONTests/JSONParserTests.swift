import Testing
import PlatformJSON
@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func parsesEveryKindOfValueKeepingMemberOrder() throws {
        let value = try parser.parse(#" {"z":1,"a":[true,false,null,"s",-0.5e+3],"m":{"k":"v"}} "#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(value["a"] == [true, false, nil, "s", .number(try #require(parser.parse("-0.5e+3").numberValue))])
        #expect(value["m"]?["k"] == "v")
        #expect(value["z"] == 1)
    }

    @Test func keepsNumberLiteralsExactly() throws {
        for literal in ["0", "-0", "1.0", "12345678901234567890123", "1E5", "2.50e-7"] {
            let value = try parser.parse(literal)
            #expect(value.serializedString == literal)
        }
        #expect(try parser.parse("42").numberValue?.intValue == 42)
        #expect(try parser.parse("4.2").numberValue?.intValue == nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀"))
    }

    @Test(arguments: [
        ("", JSONParseError.Kind.unexpectedEnd),
        ("{", .unexpectedEnd),
        (#"{"a":1,}"#, .unexpectedByte),
        ("[1,]", .unexpectedByte),
        ("[1 2]", .unexpectedByte),
        ("01", .invalidNumber),
        ("1.", .invalidNumber),
        ("-", .invalidNumber),
        ("1e", .invalidNumber),
        ("NaN", .unexpectedByte),
        ("tru", .unexpectedEnd),
        ("trUe", .unexpectedByte),
        (#""\x""#, .invalidEscape),
        (#""\u12g4""#, .invalidEscape),
        (#""\ud800""#, .invalidUnicode),
        (#""\udc00""#, .invalidUnicode),
        (#""\ud800\u0041""#, .invalidUnicode),
        ("\"a\nb\"", .controlCharacter),
        (#"{"a":1,"a":2}"#, .duplicateKey),
        ("{} {}", .trailingData),
        ("// c\n{}", .unexpectedByte),
        (#"{1:2}"#, .unexpectedByte),
        (#"{"a" 1}"#, .unexpectedByte),
        (#""abc"#, .unexpectedEnd),
    ])
    func rejectsInvalidDocuments(text: String, kind: JSONParseError.Kind) {
        #expect(throws: JSONParseError.self) { try parser.parse(text) }
        do {
            _ = try parser.parse(text)
        } catch {
            #expect(error.kind == kind, "\(text)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(.invalidUnicode, at: 1)) { try parser.parse(bytes) }
        // The same after an escape, and a control character is found before the run is validated.
        #expect(throws: JSONParseError(.invalidUnicode, at: 3)) { try parser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError(.controlCharacter, at: 3)) { try parser.parse([0x22, 0xC3, 0x28, 0x0A, 0x22]) }
    }

    @Test func stringsWithAndWithoutEscapes() throws {
        #expect(try parser.parse(#"["plain","é😀","é\n","","\"","a\u0000"]"#) == ["plain", "é😀", "é\n", "", "\"", "a\u{0}"])
        #expect(throws: JSONParseError(.unexpectedEnd, at: 4)) { try parser.parse(#""abc"#) }
    }

    @Test func findsRepeatedKeysInSmallAndLargeObjects() throws {
        for count in [2, 16, 17, 40] {
            let members = (0..<count).map { "\"k\($0)\":\($0)" }
            let object = try #require(try parser.parse("{" + members.joined(separator: ",") + "}").objectValue)
            #expect(object.keys == (0..<count).map { "k\($0)" })
            for repeated in [0, count - 1] {
                let text = "{" + (members + ["\"k\(repeated)\":0"]).joined(separator: ",") + "}"
                #expect(throws: JSONParseError.self) { try parser.parse(text) }
            }
        }
    }

    @Test func enforcesTheSizeLimit() throws {
        let small = JSONParser(limits: .init(maxBytes: 8, maxDepth: 4))
        #expect(throws: JSONParseError(.tooLarge, at: 8)) { try small.parse(#"["123456"]"#) }
        #expect(try small.parse(#"["1234"]"#) == ["1234"])
    }

    @Test func enforcesTheDepthLimit() throws {
        let shallow = JSONParser(limits: .init(maxBytes: 1000, maxDepth: 3))
        #expect(try shallow.parse("[[[1]]]") == [[[1]]])
        #expect(throws: JSONParseError.self) { try shallow.parse("[[[[1]]]]") }
        #expect(throws: JSONParseError.self) { try shallow.parse(#"{"a":{"b":{"c":{}}}}"#) }
        // The default limit stops a stack-exhausting document without crashing.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try parser.parse(deep) }
    }

    @Test func recordsByteSpansAlongKeyPaths() throws {
        let text = #"{ "mcp" : { "body" :  {"b": 1,  "a" : "x"} , "other": [ {"body": 2} ] } }"#
        let bytes = Array(text.utf8)
        let result = try parser.parse(bytes, recordingSpansAt: [["mcp", "body"], ["mcp", "missing"]])
        let span = try #require(result.spans[["mcp", "body"]])
        #expect(String(decoding: bytes[span], as: UTF8.self) == #"{"b": 1,  "a" : "x"}"#)
        #expect(result.spans[["mcp", "missing"]] == nil)
        #expect(result.spans.count == 1)
    }

    @Test func errorDescriptionsNameOffsetsNotContent() {
        let error = JSONParseError(.duplicateKey, at: 7)
        #expect(error.description == "invalid JSON: duplicate object key at byte 7")
    }
}

extension JSONValue {
    var numberValue: JSONNumber? {
        guard case .number(let number) = self else { return nil }
        return number
    }
}
