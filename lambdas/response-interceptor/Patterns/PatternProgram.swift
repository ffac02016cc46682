/// Patterns compiled to one Thompson automaton (the alternation of all of
/// them), which `PatternMatcher` runs in time linear in the text: at most
/// every instruction once per scalar, whatever the patterns or the input.
struct PatternProgram: Sendable {
    enum Instruction: Sendable, Equatable {
        case consume(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case assert(PatternAssertion)
        case match
    }

    struct TooLarge: Error, CustomStringConvertible {
        var description: String { "patterns compile to more than \(PatternProgram.maxInstructions) instructions" }
    }

    /// The bound on the automaton's size, and so on the work per scalar.
    static let maxInstructions = 20_000

    private(set) var instructions: [Instruction] = []

    /// The instructions as plain values for the matcher's inner loop (no
    /// reference counting per step): the operation, and its two operands
    /// (targets, or the index of its set or assertion).
    struct Step: Sendable {
        enum Kind: UInt8, Sendable { case consume, split, jump, assert, match }
        var kind: Kind
        var first: Int
        var second: Int
    }

    private(set) var steps: [Step] = []
    /// Per consume step: its ASCII members as two bit masks (scalars 0-63, 64-127).
    private(set) var asciiLow: [UInt64] = []
    private(set) var asciiHigh: [UInt64] = []
    /// Per consume step: its set, for scalars beyond ASCII.
    private(set) var sets: [ScalarSet] = []
    private(set) var assertions: [PatternAssertion] = []
    /// The ASCII scalars a match can start with (over-approximated), and whether any non-ASCII one can.
    private(set) var asciiStarts = [Bool](repeating: false, count: 128)
    private(set) var nonASCIIStarts = false

    init(_ patterns: [PatternNode]) throws(TooLarge) {
        try emit(.alternation(patterns))
        instructions.append(.match)
        computeStarts()
        lower()
    }

    private mutating func lower() {
        for instruction in instructions {
            switch instruction {
            case .consume(let set):
                var low: UInt64 = 0, high: UInt64 = 0
                for scalar in 0..<128 where set.contains(UInt32(scalar)) {
                    if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
                }
                steps.append(Step(kind: .consume, first: sets.count, second: 0))
                asciiLow.append(low)
                asciiHigh.append(high)
                sets.append(set)
            case .split(let first, let second): steps.append(Step(kind: .split, first: first, second: second))
            case .jump(let target): steps.append(Step(kind: .jump, first: target, second: 0))
            case .assert(let assertion):
                steps.append(Step(kind: .assert, first: assertions.count, second: 0))
                assertions.append(assertion)
            case .match: steps.append(Step(kind: .match, first: 0, second: 0))
            }
        }
    }

    /// Whether consume step `index` (an index into `sets`) accepts `scalar`.
    @inline(__always)
    func accepts(_ index: Int, _ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiLow[index] & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiHigh[index] & (1 << UInt64(scalar - 64)) != 0 }
        return sets[index].contains(scalar)
    }

    private mutating func emit(_ node: PatternNode) throws(TooLarge) {
        guard instructions.count < Self.maxInstructions else { throw TooLarge() }
        switch node {
        case .set(let set):
            instructions.append(.consume(set))
        case .assertion(let assertion):
            instructions.append(.assert(assertion))
        case .sequence(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            guard !branches.isEmpty else {
                // Nothing can match: a class with no members.
                instructions.append(.consume(ScalarSet([])))
                return
            }
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = instructions.count
                    instructions.append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(instructions.count)
                    instructions.append(.jump(-1))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repetition(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(instructions.count)
                    instructions.append(.split(instructions.count + 1, -1))
                    try emit(inner)
                }
                for split in splits { instructions[split] = .split(split + 1, instructions.count) }
            } else {
                let split = instructions.count
                instructions.append(.split(split + 1, -1))
                try emit(inner)
                instructions.append(.jump(split))
                instructions[split] = .split(split + 1, instructions.count)
            }
        }
        guard instructions.count <= Self.maxInstructions else { throw TooLarge() }
    }

    /// Follows every empty path from the start (assertions taken as holding)
    /// to the first sets: a position whose scalar is in none of them cannot start a match.
    private mutating func computeStarts() {
        var seen = [Bool](repeating: false, count: instructions.count)
        var stack = [0]
        while let pc = stack.popLast() {
            guard !seen[pc] else { continue }
            seen[pc] = true
            switch instructions[pc] {
            case .consume(let set):
                for scalar in 0..<128 where set.contains(UInt32(scalar)) { asciiStarts[scalar] = true }
                if set.negated || set.ranges.contains(where: { $0.upperBound >= 128 }) { nonASCIIStarts = true }
            case .split(let first, let second): stack += [first, second]
            case .jump(let target): stack.append(target)
            case .assert: stack.append(pc + 1)
            case .match: break
            }
        }
    }

    func canStart(with scalar: UInt32) -> Bool { scalar < 128 ? asciiStarts[Int(scalar)] : nonASCIIStarts }
}
