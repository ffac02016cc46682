import LambdaEvents
import PlatformJSON

/// Replaces personal data in every string value of a JSON document with
/// `[REDACTED]`; keys, numbers and structure are untouched.
///
/// Not `Sendable` (the standard library's `Regex` is not): `PIIPatternCache`
/// owns the current redactor and runs it.
struct PIIRedactor {
    static let replacement = "[REDACTED]"

    /// The patterns used when SSM has none or an unusable list. Order matters:
    /// longer digit runs (NHS numbers) go before shorter ones (account numbers).
    static let builtInPatterns: [String] = [
        // e-mail address
        #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#,
        // UK National Insurance number, optionally spaced. Any two letters, not only
        // the prefixes HMRC issues: a false positive costs less than a leak, and
        // sample numbers such as QQ123456C are what test data contains.
        #"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"#,
        // NHS number: 10 digits, optionally spaced 3-3-4
        #"\b\d{3} ?\d{3} ?\d{4}\b"#,
        // sort code 12-34-56
        #"\b\d{2}-\d{2}-\d{2}\b"#,
        // 8-digit account number
        #"\b\d{8}\b"#,
    ]

    private let patterns: [Regex<AnyRegexOutput>]

    /// Compiles `patterns`; throws when any is not a valid regular expression.
    init(patterns: [String]) throws {
        self.patterns = try patterns.map { try Regex($0).wordBoundaryKind(.simple) }
    }

    static func builtIn() -> PIIRedactor {
        // The built-in patterns are constants checked by the tests.
        try! PIIRedactor(patterns: builtInPatterns)
    }

    func redact(_ text: String) -> String {
        var result = text
        for pattern in patterns {
            result = result.replacing(pattern, with: Self.replacement)
        }
        return result
    }

    /// Redacts every string value, recursively through arrays and objects.
    func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            return .string(redact(text))
        case .array(let elements):
            return .array(elements.map(redact))
        case .object(let object):
            return .object(JSONObject(object.members.map { ($0.key, redact($0.value)) }))
        case .null, .bool, .number:
            return value
        }
    }

    /// Redacts a JSON-RPC response body except its `jsonrpc` and `id` members,
    /// which identify the message rather than carry data.
    func redactResponse(_ document: JSONValue) -> JSONValue {
        guard case .object(let object) = document else { return redact(document) }
        return .object(JSONObject(object.members.map { member in
            (member.key, ["jsonrpc", "id"].contains(member.key) ? member.value : redact(member.value))
        }))
    }
}
