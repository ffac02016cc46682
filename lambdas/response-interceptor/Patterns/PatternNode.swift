/// A parsed pattern: the regular-expression subset the redactor runs in
/// linear time (no back-references, lookaround only of one character).
indirect enum PatternNode: Sendable, Equatable {
    /// One scalar from the set.
    case set(ScalarSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// `min` to `max` repetitions (`max` nil: unbounded).
    case repetition(PatternNode, min: Int, max: Int?)
    case assertion(PatternAssertion)
}

/// A zero-width condition at a position between two scalars.
enum PatternAssertion: Sendable, Equatable {
    /// `^`, `$`: the start or end of the text.
    case textStart, textEnd
    /// `\b`, `\B`: between a word and a non-word scalar (ASCII word characters), or not.
    case wordBoundary, notWordBoundary
    /// `(?=c)` / `(?!c)`: the next scalar is (or is not) in the set; `(?!c)` also holds at the end.
    case followedBy(ScalarSet, negated: Bool)
    /// `(?<=c)` / `(?<!c)`: the previous scalar is (or is not) in the set; `(?<!c)` also holds at the start.
    case precededBy(ScalarSet, negated: Bool)

    func holds(previous: UInt32?, next: UInt32?) -> Bool {
        switch self {
        case .textStart: return previous == nil
        case .textEnd: return next == nil
        case .wordBoundary, .notWordBoundary:
            let before = previous.map(ScalarSet.word.contains) ?? false
            let after = next.map(ScalarSet.word.contains) ?? false
            return (before != after) == (self == .wordBoundary)
        case .followedBy(let set, let negated):
            return (next.map(set.contains) ?? false) != negated
        case .precededBy(let set, let negated):
            return (previous.map(set.contains) ?? false) != negated
        }
    }
}
