/// Parses a pattern in the regular-expression subset the redactor supports:
/// literals and escapes (`\d \w \s \D \W \S \b \B \t \n \r \f \v \xHH \u{H...}`
/// and escaped punctuation), `.`, classes `[...]` with ranges and negation,
/// groups `(...)`, `(?:...)`, `(?<name>...)`, alternation, the quantifiers
/// `* + ? {n} {n,} {n,m}` (a lazy `?` suffix is accepted; the redactor always
/// takes the longest match), anchors `^ $`, a leading `(?i)`, and lookaround
/// of a single character or class (`(?=c) (?!c) (?<=c) (?<!c)`).
///
/// Anything else (back-references, possessive quantifiers, longer lookaround)
/// is refused: those are what make a regular expression engine backtrack.
struct PatternParser {
    struct Failure: Error, Equatable, CustomStringConvertible {
        var message: String
        /// The scalar offset in the pattern (never the pattern text: it is configuration, kept out of logs).
        var offset: Int
        var description: String { "\(message) at offset \(offset)" }
    }

    /// Longest pattern accepted, in scalars.
    static let maxLength = 512
    /// Largest repetition count in `{n,m}`.
    static let maxCount = 100

    private let scalars: [UInt32]
    private var position = 0
    private var caseInsensitive: Bool
    private var depth = 0

    /// Parses `pattern`; `caseInsensitive` applies to every letter (as a leading `(?i)` does).
    static func parse(_ pattern: String, caseInsensitive: Bool = false) throws(Failure) -> PatternNode {
        var parser = PatternParser(scalars: pattern.unicodeScalars.map(\.value), caseInsensitive: caseInsensitive)
        return try parser.parsePattern()
    }

    private init(scalars: [UInt32], caseInsensitive: Bool) {
        self.scalars = scalars
        self.caseInsensitive = caseInsensitive
    }

    private var peek: UInt32? { position < scalars.count ? scalars[position] : nil }

    private func fail(_ message: String) -> Failure { Failure(message: message, offset: position) }

    private mutating func take(_ literal: String) -> Bool {
        let wanted = literal.unicodeScalars.map(\.value)
        guard scalars.count - position >= wanted.count, Array(scalars[position..<position + wanted.count]) == wanted else {
            return false
        }
        position += wanted.count
        return true
    }

    private mutating func parsePattern() throws(Failure) -> PatternNode {
        guard !scalars.isEmpty else { throw fail("empty pattern") }
        guard scalars.count <= Self.maxLength else { throw fail("pattern longer than \(Self.maxLength) characters") }
        if take("(?i)") { caseInsensitive = true }
        let node = try parseAlternation()
        guard peek == nil else { throw fail("unbalanced parenthesis") }
        return node
    }

    private mutating func parseAlternation() throws(Failure) -> PatternNode {
        var branches = [try parseSequence()]
        while peek == code("|") {
            position += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(Failure) -> PatternNode {
        var items: [PatternNode] = []
        while let next = peek, next != code("|"), next != code(")") {
            let atom = try parseAtom()
            items.append(try parseQuantifier(of: atom))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseQuantifier(of atom: PatternNode) throws(Failure) -> PatternNode {
        let bounds: (min: Int, max: Int?)
        switch peek {
        case code("*"): position += 1; bounds = (0, nil)
        case code("+"): position += 1; bounds = (1, nil)
        case code("?"): position += 1; bounds = (0, 1)
        case code("{"): bounds = try parseCounts()
        default: return atom
        }
        if case .assertion = atom { throw fail("quantified assertion") }
        if peek == code("?") {
            position += 1  // lazy: same matches for the longest-match redactor
        } else if peek == code("+") {
            throw fail("possessive quantifier")
        }
        if let next = peek, [code("*"), code("+"), code("?"), code("{")].contains(next) {
            throw fail("repeated quantifier")
        }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    private mutating func parseCounts() throws(Failure) -> (min: Int, max: Int?) {
        position += 1  // {
        let low = try parseNumber()
        var high: Int? = low
        if peek == code(",") {
            position += 1
            high = peek == code("}") ? nil : try parseNumber()
        }
        guard peek == code("}") else { throw fail("unterminated repetition count") }
        position += 1
        if let high, high < low { throw fail("repetition count out of order") }
        return (low, high)
    }

    private mutating func parseNumber() throws(Failure) -> Int {
        var value = 0
        var digits = 0
        while let next = peek, (0x30...0x39).contains(next) {
            value = value * 10 + Int(next - 0x30)
            digits += 1
            position += 1
            guard value <= Self.maxCount else { throw fail("repetition count above \(Self.maxCount)") }
        }
        guard digits > 0 else { throw fail("repetition count expected") }
        return value
    }

    private mutating func parseAtom() throws(Failure) -> PatternNode {
        guard let next = peek else { throw fail("pattern ends early") }
        switch next {
        case code("("):
            return try parseGroup()
        case code("["):
            return .set(fold(try parseClass()))
        case code("."):
            position += 1
            return .set(.any)
        case code("^"):
            position += 1
            return .assertion(.textStart)
        case code("$"):
            position += 1
            return .assertion(.textEnd)
        case code("\\"):
            position += 1
            switch peek {
            case code("b"): position += 1; return .assertion(.wordBoundary)
            case code("B"): position += 1; return .assertion(.notWordBoundary)
            default: return .set(fold(try parseEscape(inClass: false)))
            }
        case code("*"), code("+"), code("?"), code("{"):
            throw fail("quantifier without anything to repeat")
        default:
            position += 1
            return .set(fold(.scalar(next)))
        }
    }

    private mutating func parseGroup() throws(Failure) -> PatternNode {
        position += 1  // (
        if take("?=") { return try parseLookaround { .followedBy($0, negated: false) } }
        if take("?!") { return try parseLookaround { .followedBy($0, negated: true) } }
        if take("?<=") { return try parseLookaround { .precededBy($0, negated: false) } }
        if take("?<!") { return try parseLookaround { .precededBy($0, negated: true) } }
        if take("?:") {
        } else if take("?<") || take("?P<") {
            while let next = peek, next != code(">") {
                guard ScalarSet.word.contains(next) else { throw fail("invalid group name") }
                position += 1
            }
            guard take(">") else { throw fail("unterminated group name") }
        } else if peek == code("?") {
            throw fail("unsupported group")
        }
        depth += 1
        guard depth <= 32 else { throw fail("groups nested too deeply") }
        let inner = try parseAlternation()
        depth -= 1
        guard take(")") else { throw fail("unbalanced parenthesis") }
        return inner
    }

    /// A lookaround of exactly one character or class.
    private mutating func parseLookaround(_ make: (ScalarSet) -> PatternAssertion) throws(Failure) -> PatternNode {
        let set: ScalarSet
        switch peek {
        case code("["): set = try parseClass()
        case code("\\"):
            position += 1
            set = try parseEscape(inClass: false)
        case code("."):
            position += 1
            set = .any
        case let next? where ![code("("), code(")"), code("|")].contains(next):
            position += 1
            set = .scalar(next)
        default:
            throw fail("lookaround must hold one character or class")
        }
        guard take(")") else { throw fail("lookaround must hold one character or class") }
        return .assertion(make(fold(set)))
    }

    private mutating func parseClass() throws(Failure) -> ScalarSet {
        position += 1  // [
        var negated = false
        if peek == code("^") {
            negated = true
            position += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let next = peek else { throw fail("unterminated class") }
            if next == code("]"), !first {
                position += 1
                break
            }
            first = false
            let low: UInt32
            if next == code("\\") {
                position += 1
                let escaped = try parseEscape(inClass: true)
                guard escaped.ranges.count == 1, escaped.ranges[0].count == 1 else {
                    ranges += escaped.ranges  // \d, \w, \s
                    continue
                }
                low = escaped.ranges[0].lowerBound
            } else {
                position += 1
                low = next
            }
            if peek == code("-"), position + 1 < scalars.count, scalars[position + 1] != code("]") {
                position += 1
                var high = scalars[position]
                position += 1
                if high == code("\\") {
                    let escaped = try parseEscape(inClass: true)
                    guard escaped.ranges.count == 1, escaped.ranges[0].count == 1 else { throw fail("invalid class range") }
                    high = escaped.ranges[0].lowerBound
                }
                guard low <= high else { throw fail("class range out of order") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        return ScalarSet(ranges, negated: negated)
    }

    /// The escape after a `\`.
    private mutating func parseEscape(inClass: Bool) throws(Failure) -> ScalarSet {
        guard let next = peek else { throw fail("pattern ends in an escape") }
        position += 1
        switch next {
        case code("d"): return .digit
        case code("w"): return .word
        case code("s"): return .space
        case code("D"), code("W"), code("S"):
            guard !inClass else { throw fail("negated class escape inside a class") }
            return [code("D"): ScalarSet.digit, code("W"): .word, code("S"): .space][next]!.inverted
        case code("t"): return .scalar(0x09)
        case code("n"): return .scalar(0x0A)
        case code("r"): return .scalar(0x0D)
        case code("f"): return .scalar(0x0C)
        case code("v"): return .scalar(0x0B)
        case code("x"): return .scalar(try parseHex(braced: false, count: 2))
        case code("u"): return .scalar(try parseHex(braced: peek == code("{"), count: 4))
        case 0x30...0x39: throw fail("back-references are not supported")
        default:
            guard !ScalarSet.word.contains(next) else { throw fail("unknown escape") }
            return .scalar(next)
        }
    }

    private mutating func parseHex(braced: Bool, count: Int) throws(Failure) -> UInt32 {
        if braced { position += 1 }
        var value: UInt32 = 0
        var digits = 0
        while let next = peek, braced ? next != code("}") : digits < count {
            guard let digit = Self.hexValue(next), digits < 6 else { throw fail("invalid hexadecimal escape") }
            value = value * 16 + digit
            digits += 1
            position += 1
        }
        if braced { guard take("}") else { throw fail("unterminated escape") } }
        guard digits > 0, braced || digits == count, Unicode.Scalar(value) != nil else { throw fail("invalid hexadecimal escape") }
        return value
    }

    private static func hexValue(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: scalar - 0x30
        case 0x41...0x46: scalar - 0x41 + 10
        case 0x61...0x66: scalar - 0x61 + 10
        default: nil
        }
    }

    private func fold(_ set: ScalarSet) -> ScalarSet { caseInsensitive ? set.caseFolded : set }
}

/// The value of a pattern metacharacter.
private func code(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }
