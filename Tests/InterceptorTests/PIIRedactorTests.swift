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
        ("order 1234567 and 123456789 and ref A12345678", "order 1234567 and 123456789 and ref A12345678"),
        ("code XY123456E and AB1234567C are not NI numbers", "code XY123456E and AB1234567C are not NI numbers"),
        ("phone 01234-567-890 stays; date 2026-11-25 stays", "phone 01234-567-890 stays; date 2026-11-25 stays"),
        ("nothing personal here", "nothing personal here"),
    ])
    func redactsTheBuiltInKinds(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test func redactsNestedStringsButNotKeysOrOtherValues() {
        let document: JSONValue = [
            "a@b.com": ["list": ["x a@b.com", 12345678, ["deep": "12-34-56"]]],
            "flag": true, "n": nil,
        ]
        #expect(redactor.redact(document) == [
            "a@b.com": ["list": ["x [REDACTED]", 12345678, ["deep": "[REDACTED]"]]],
            "flag": true, "n": nil,
        ])
    }

    @Test func leavesTheJSONRPCEnvelopeAlone() {
        let document: JSONValue = ["jsonrpc": "2.0", "id": "12345678", "result": ["text": "12345678"]]
        #expect(redactor.redactResponse(document) == ["jsonrpc": "2.0", "id": "12345678", "result": ["text": "[REDACTED]"]])
        #expect(redactor.redactResponse("a@b.com") == "[REDACTED]")
    }

    @Test func rejectsInvalidPatterns() {
        #expect(throws: (any Error).self) { try PIIRedactor(patterns: ["(unclosed"]) }
    }

    @Test func customPatternsReplaceTheBuiltIns() throws {
        let custom = try PIIRedactor(patterns: ["secret-[0-9]+"])
        #expect(custom.redact("secret-42 and a@b.com") == "[REDACTED] and a@b.com")
    }
}
