import LambdaEvents
import Testing
@testable import ResponseInterceptor
import PlatformJSON

@Suite struct PIIRedactorTests {
    let redactor = PIIRedactor.builtIn()

    @Test(arguments: [
        ("mail jane.doe+x@example.co.uk now", "mail [REDACTED] now"),
        ("NI QQ123456C and AB 12 34 56 D", "NI [REDACTED] and [REDACTED]"),
        ("NHS 943 476 5919 or 9434765919", "NHS [REDACTED] or [REDACTED]"),
        ("sort 12-34-56, acct 12345678", "sort [REDACTED], acct [REDACTED]"),
        ("order 1234567 and 123456789 and 123456", "order 1234567 and 123456789 and 123456"),
        ("code XY123456E and AB1234567C are not NI numbers", "code XY123456E and AB1234567C are not NI numbers"),
        ("phone 01234-567-890 stays; date 2026-11-25 stays", "phone 01234-567-890 stays; date 2026-11-25 stays"),
        ("nothing personal here", "nothing personal here"),
    ])
    func redactsTheBuiltInKinds(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test(arguments: [
        // lower case and separators
        ("ni qq 12 34 56 c, ab-12-34-56-d", "ni [REDACTED], [REDACTED]"),
        ("JANE.DOE@EXAMPLE.COM", "[REDACTED]"),
        ("nhs 943-476-5919 / 943 4765919", "nhs [REDACTED] / [REDACTED]"),
        ("sort 12 34 56", "sort [REDACTED]"),
        ("acct 1234 5678 and 1234-5678", "acct [REDACTED] and [REDACTED]"),
        // digits joined to letters
        ("acct12345678 ref A12345678 niQQ123456Cx sc12-34-56z", "acct[REDACTED] ref A[REDACTED] ni[REDACTED]x sc[REDACTED]z"),
    ])
    func redactsCaseAndSeparatorVariants(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test(arguments: [
        ("943\u{200B}476\u{200B}5919", "[REDACTED]"),  // zero-width space
        ("1234\u{00AD}5678", "[REDACTED]"),  // soft hyphen
        ("12\u{00A0}34\u{00A0}56", "[REDACTED]"),  // no-break space
        ("12\u{2013}34\u{2011}56", "[REDACTED]"),  // en dash, non-breaking hyphen
        ("12\u{2212}34\u{2212}56", "[REDACTED]"),  // minus sign
        ("jane\u{200D}@example\u{200C}.com!", "[REDACTED]!"),  // zero-width joiner and non-joiner
        ("QQ\u{2060}123456\u{FEFF}C", "[REDACTED]"),  // word joiner, BOM
        ("943\u{202F}476\u{2009}5919", "[REDACTED]"),  // narrow no-break and thin space
        ("943  476\t5919", "[REDACTED]"),  // runs of spaces, tab
        ("\u{FF19}\u{FF14}\u{FF13}\u{FF14}\u{FF17}\u{FF16}\u{FF15}\u{FF19}\u{FF11}\u{FF19}", "[REDACTED]"),  // full-width digits
        ("\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}\u{0666}\u{0667}\u{0668}", "[REDACTED]"),  // Arabic-Indic digits
        ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[REDACTED]"),  // full-width e-mail
    ])
    func normalisesInvisibleAndLookalikeSeparatorsBeforeMatching(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test func keepsTextWithoutMatchesExactlyAsItWas() {
        let text = "a\u{200B}b  c\u{00A0}d – é"
        #expect(redactor.redact(text) == text)
        #expect(redactor.redact("x \u{200B}12-34-56\u{200B} y") == "x \u{200B}[REDACTED]\u{200B} y", "only the match is replaced")
    }

    @Test func redactsStringsNumbersAndKeysButNotStructure() throws {
        let document = try JSONParser().parse(#"""
            {"a@b.com":{"list":["x a@b.com",12345678,{"deep":"12-34-56"},-9434765919,1.2345678e7]},"flag":true,"n":null,"amount":1234,"ratio":0.5}
            """#)
        #expect(redactor.redact(document) == [
            "[REDACTED]": ["list": ["x [REDACTED]", "[REDACTED]", ["deep": "[REDACTED]"], "[REDACTED]", "[REDACTED]"]],
            "flag": true, "n": nil, "amount": 1234, "ratio": 0.5,
        ])
    }

    @Test func keysRedactedAlikeStayApart() throws {
        let document = try JSONParser().parse(#"{"a@b.com":1,"c@d.com":2,"[REDACTED]":3,"e@f.com":4}"#)
        let redacted = try #require(redactor.redact(document).objectValue)
        #expect(redacted.keys == ["[REDACTED] (2)", "[REDACTED] (3)", "[REDACTED]", "[REDACTED] (4)"])
        #expect(redacted.members.map(\.value) == [1, 2, 3, 4])
    }

    @Test(arguments: [
        ("12345678", "12345678"), ("1.2345678e7", "12345678"), ("9.434765919E9", "9434765919"), ("-1e2", "-100"),
        ("5e-3", "0.005"), ("1.5e1", "15"), ("1e999", "1e999"), ("2", "2"),
    ])
    func readsNumbersAsDigits(literal: String, digits: String) throws {
        guard case .number(let number) = try JSONParser().parse(literal) else { Issue.record("not a number"); return }
        #expect(PIIRedactor.digits(of: number) == digits)
    }

    @Test func leavesTheJSONRPCEnvelopeAlone() {
        let document: JSONValue = ["jsonrpc": "2.0", "id": "12345678", "result": ["text": "12345678"]]
        #expect(redactor.redactResponse(document) == ["jsonrpc": "2.0", "id": "12345678", "result": ["text": "[REDACTED]"]])
        #expect(redactor.redactResponse("a@b.com") == "[REDACTED]")
    }

    @Test func additionalPatternsAddToTheBuiltIns() throws {
        let custom = try PIIRedactor(additional: [try PatternParser.parse("secret-[0-9]+")])
        #expect(custom.redact("secret-42 and a@b.com") == "[REDACTED] and [REDACTED]")
    }

    @Test func theWorkIsLinearEvenForAPatternThatMakesBacktrackingExplode() throws {
        // (a|a)*(a|aa)*b against a long run of a: exponential for a backtracking engine.
        let custom = try PIIRedactor(additional: [try PatternParser.parse("(a|a)*(a|aa)*b"), try PatternParser.parse("x.*y")])
        let text = [UInt32](repeating: 0x61, count: 40_000) + [UInt32](repeating: 0x78, count: 1_000)
        var steps = 0
        #expect(custom.matcher.coveredRanges(in: text, steps: &steps).isEmpty)
        #expect(steps <= (text.count + 1) * 2 * custom.matcher.program.instructions.count)
        #expect(custom.redact(String(repeating: "a", count: 10_000) + "b") == "[REDACTED]")
    }
}
