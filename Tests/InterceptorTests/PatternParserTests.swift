import Testing
@testable import ResponseInterceptor

@Suite struct PatternParserTests {
    /// Whether `pattern` covers exactly `covered` of `text` (the matched parts, in order).
    func covered(_ pattern: String, _ text: String) throws -> [String] {
        let matcher = PatternMatcher(program: try PatternProgram([try PatternParser.parse(pattern)]))
        let scalars = Array(text.unicodeScalars)
        return matcher.coveredRanges(in: scalars.map(\.value)).map { range in
            String(String.UnicodeScalarView(scalars[range]))
        }
    }

    @Test(arguments: [
        ("abc", "xabcx abd", ["abc"]),
        ("a|bc", "abcb", ["abc"]),  // touching matches are one span
        ("a.c", "abc a\nc", ["abc"]),
        ("[a-c]+", "xxabcabxx", ["abcab"]),
        ("[^a-c ]+", "abxyzab q", ["xyz", "q"]),
        (#"\d{2,3}"#, "1 12 1234", ["12", "1234"]),
        (#"\d{2}"#, "12345", ["12345"]),
        (#"x{2,}"#, "x xx xxxx", ["xx", "xxxx"]),
        (#"x{3}"#, "xx xxx", ["xxx"]),
        (#"ab?c"#, "ac abc abbc", ["ac", "abc"]),
        (#"(?:ab)+"#, "ababa", ["abab"]),
        (#"(ab|cd)*e"#, "abcde e", ["abcde", "e"]),
        (#"(?<name>q)"#, "aqa", ["q"]),
        (#"\bcat\b"#, "cat concat cat!", ["cat", "cat"]),
        (#"\Bcat"#, "cat concat", ["cat"]),
        (#"^ab"#, "abab", ["ab"]),
        (#"ab$"#, "abab", ["ab"]),
        (#"(?<!\d)\d{3}(?!\d)"#, "123 1234 a456b", ["123", "456"]),
        (#"(?<=@)\w+"#, "me@host you", ["host"]),
        (#"a(?=b)"#, "ab ac", ["a"]),
        (#"\x41\u0042\u{43}"#, "ABC", ["ABC"]),
        (#"\.\*\?"#, "a.*?b", [".*?"]),
        (#"[\d\s-]+"#, "a1 2-3b", ["1 2-3"]),
        (#"[a\-z]"#, "b-", ["-"]),
        (#"\t\n\r\f\v"#, "\t\n\r\u{0C}\u{0B}", ["\t\n\r\u{0C}\u{0B}"]),
        (#"\D\W\S"#, "a!b", ["a!b"]),
        (#"a+?"#, "aaa", ["aaa"]),
        (#"(?i)hello"#, "HeLLo hello", ["HeLLo", "hello"]),
        (#"hello"#, "HeLLo hello", ["hello"]),
        (#"(?i)[^a]"#, "aAb", ["b"]),
        (#"x*"#, "abc", []),  // empty matches redact nothing
    ])
    func matchesTheSupportedSyntax(pattern: String, text: String, expected: [String]) throws {
        #expect(try covered(pattern, text) == expected)
    }

    @Test(arguments: [
        ("", "empty pattern at offset 0"),
        ("(ab", "unbalanced parenthesis at offset 3"),
        ("ab)", "unbalanced parenthesis at offset 2"),
        ("*a", "quantifier without anything to repeat at offset 0"),
        (#"(a)\1"#, "back-references are not supported at offset 5"),
        ("a++", "possessive quantifier at offset 2"),
        ("a**", "repeated quantifier at offset 2"),
        (#"(?=ab)"#, "lookaround must hold one character or class at offset 4"),
        (#"(?#comment)"#, "unsupported group at offset 1"),
        (#"(?<na-me>x)"#, "invalid group name at offset 5"),
        ("a{2,1}", "repetition count out of order at offset 6"),
        ("a{101}", "repetition count above 100 at offset 5"),
        ("a{,2}", "repetition count expected at offset 2"),
        ("a{2", "unterminated repetition count at offset 3"),
        ("[abc", "unterminated class at offset 4"),
        ("[z-a]", "class range out of order at offset 4"),
        (#"[\D]"#, "negated class escape inside a class at offset 3"),
        (#"\q"#, "unknown escape at offset 2"),
        (#"\xZZ"#, "invalid hexadecimal escape at offset 2"),
        ("^*", "quantified assertion at offset 2"),
        ("a\\", "pattern ends in an escape at offset 2"),
        (String(repeating: "a", count: 513), "pattern longer than 512 characters at offset 0"),
    ])
    func refusesWhatItDoesNotSupport(pattern: String, message: String) {
        #expect(throws: PatternParser.Failure.self) { try PatternParser.parse(pattern) }
        do {
            _ = try PatternParser.parse(pattern)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func refusesGroupsNestedTooDeeply() {
        #expect(throws: PatternParser.Failure.self) {
            try PatternParser.parse(String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40))
        }
    }

    @Test func boundsTheCompiledProgram() throws {
        // 100 x 100 x 100 copies: far beyond the instruction limit.
        let nested = try PatternParser.parse("((a{100}){100}){100}")
        #expect(throws: PatternProgram.TooLarge.self) { try PatternProgram([nested]) }
    }
}
