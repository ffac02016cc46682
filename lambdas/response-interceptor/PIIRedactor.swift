import LambdaEvents
import PlatformJSON

/// Replaces personal data with `[REDACTED]` in everything a person could read
/// in a JSON document: string values, object keys, and numbers (as their
/// digits: a matching number becomes the string `[REDACTED]`).
///
/// The built-in patterns always apply; patterns from SSM are added to them.
/// Matching runs on `NormalisedText` with `PatternMatcher`, so the work is
/// linear in the payload whatever the patterns.
struct PIIRedactor: Sendable {
    static let replacement = "[REDACTED]"

    /// The built-in kinds, matched case-insensitively on normalised text.
    /// Digit runs are delimited by non-digits (`(?<!\d)`, `(?!\d)`), not by word
    /// boundaries, so digits joined to letters (`acct12345678`) are found too.
    static let builtInPatterns: [String] = [
        // e-mail address
        #"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"#,
        // UK National Insurance number, optionally spaced or hyphenated. Any two letters,
        // not only the prefixes HMRC issues: a false positive costs less than a leak, and
        // sample numbers such as QQ123456C are what test data contains.
        #"[a-z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[a-d]"#,
        // NHS number: 10 digits, optionally spaced or hyphenated 3-3-4
        #"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)"#,
        // sort code 12-34-56 or 12 34 56
        #"(?<!\d)\d{2}[ -]\d{2}[ -]\d{2}(?!\d)"#,
        // 8-digit account number, also written 1234 5678 or 1234-5678
        #"(?<!\d)\d{4}[ -]?\d{4}(?!\d)"#,
    ]

    /// Most patterns SSM may add.
    static let maxAdditionalPatterns = 64

    static let builtInNodes: [PatternNode] = builtInPatterns.map { try! PatternParser.parse($0, caseInsensitive: true) }

    let matcher: PatternMatcher

    /// The built-ins plus `additional` (already parsed; see `PIIPatternCache`).
    init(additional: [PatternNode] = []) throws(PatternProgram.TooLarge) {
        matcher = PatternMatcher(program: try PatternProgram(Self.builtInNodes + additional))
    }

    static func builtIn() -> PIIRedactor {
        // The built-in patterns are constants checked by the tests.
        try! PIIRedactor()
    }

    /// `text` with every match replaced; the very same string when nothing matched.
    func redact(_ text: String) -> String {
        let original = Array(text.unicodeScalars)
        let normalised = NormalisedText(original)
        let matches = matcher.coveredRanges(in: normalised.scalars)
        guard !matches.isEmpty else { return text }
        var result = String.UnicodeScalarView()
        var copied = 0
        for match in matches {
            let span = normalised.originalRange(of: match)
            result.append(contentsOf: original[copied..<span.lowerBound])
            result.append(contentsOf: Self.replacement.unicodeScalars)
            copied = span.upperBound
        }
        result.append(contentsOf: original[copied...])
        return String(result)
    }

    /// Redacts every string, key and number, recursively through arrays and objects.
    func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            return .string(redact(text))
        case .number(let number):
            return redact(Self.digits(of: number)) == Self.digits(of: number) ? value : .string(Self.replacement)
        case .array(let elements):
            return .array(elements.map(redact))
        case .object(let object):
            return .object(redactMembers(object.members))
        case .null, .bool:
            return value
        }
    }

    /// Members with keys and values redacted (the `kept` ones as they are).
    /// Two keys redacted alike stay apart (`[REDACTED]`, `[REDACTED] (2)`...):
    /// a document with a repeated key would be refused downstream, and a
    /// member must not be lost.
    private func redactMembers(_ members: [JSONObject.Member], keeping kept: Set<String> = []) -> JSONObject {
        var used = Set(members.map(\.key))
        var nextSuffix: [String: Int] = [:]
        var result: [JSONObject.Member] = []
        result.reserveCapacity(members.count)
        for member in members {
            if kept.contains(member.key) {
                result.append(member)
                continue
            }
            var key = redact(member.key)
            if key != member.key {
                let base = key
                var suffix = nextSuffix[base] ?? 2
                while used.contains(key) {
                    key = "\(base) (\(suffix))"
                    suffix += 1
                }
                nextSuffix[base] = suffix
                used.insert(key)
            }
            result.append(JSONObject.Member(key: key, value: redact(member.value)))
        }
        return JSONObject(members: result)
    }

    /// Redacts a JSON-RPC response body except its `jsonrpc` and `id` members,
    /// which identify the message rather than carry data.
    func redactResponse(_ document: JSONValue) -> JSONValue {
        guard case .object(let object) = document else { return redact(document) }
        return .object(redactMembers(object.members, keeping: ["jsonrpc", "id"]))
    }

    /// A number as a person reads it: its literal, with an exponent written
    /// out in plain digits (`1.2345678e7` is `12345678`) when that stays short.
    static func digits(of number: JSONNumber) -> String {
        let literal = number.literal
        guard let e = literal.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(literal[literal.index(after: e)...]), abs(exponent) <= 40 else { return literal }
        var mantissa = String(literal[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        let digits = whole + fraction
        let point = whole.count + exponent
        let plain: String
        if point <= 0 {
            plain = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            plain = digits + String(repeating: "0", count: point - digits.count)
        } else {
            plain = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return (negative ? "-" : "") + plain
    }
}
