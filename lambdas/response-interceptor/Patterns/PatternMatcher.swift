/// Finds what a `PatternProgram` matches in a text by simulating the
/// automaton (Pike's VM) in one pass: a thread starts at every position, every
/// live thread advances one scalar at a time, and of two threads reaching the
/// same instruction at the same position only the one that started earlier is
/// kept (their futures are the same, and its span covers the other's). So the
/// work is at most two visits per instruction per scalar, whatever the patterns
/// or the input: there is no backtracking, hence no catastrophic case.
///
/// The answer is the union of every non-empty matching span: for redaction,
/// the widest cover is the safest.
struct PatternMatcher: Sendable {
    let program: PatternProgram

    private struct Thread {
        var pc: Int
        var start: Int
    }

    /// The scalar ranges of `text` covered by some match, sorted and merged
    /// (touching ranges are one); `steps` counts the instructions visited.
    func coveredRanges(in text: [UInt32], steps: inout Int) -> [Range<Int>] {
        let program = program
        let code = program.steps
        var marks = [Int](repeating: -1, count: code.count)
        var spans: [Range<Int>] = []
        var current: [Thread] = []
        var next: [Thread] = []
        var stack: [Int] = []

        /// Adds the threads reachable from `pc` without consuming, at `position`.
        func add(_ pc: Int, start: Int, at position: Int, to list: inout [Thread]) {
            stack.append(pc)
            let previous = position > 0 ? text[position - 1] : nil
            let following = position < text.count ? text[position] : nil
            while let pc = stack.popLast() {
                guard marks[pc] != position else { continue }
                marks[pc] = position
                steps += 1
                let step = code[pc]
                switch step.kind {
                case .consume:
                    list.append(Thread(pc: pc, start: start))
                case .split:
                    stack.append(step.second)
                    stack.append(step.first)
                case .jump:
                    stack.append(step.first)
                case .assert:
                    if program.assertions[step.first].holds(previous: previous, next: following) { stack.append(pc + 1) }
                case .match:
                    if position > start { spans.append(start..<position) }
                }
            }
        }

        for position in 0..<text.count {
            let scalar = text[position]
            // Threads carried from the previous scalar started earlier, so they
            // are in `current` first and win any tie with this new one.
            if program.canStart(with: scalar) {
                add(0, start: position, at: position, to: &current)
            }
            guard !current.isEmpty else { continue }
            next.removeAll(keepingCapacity: true)
            for thread in current {
                steps += 1
                guard program.accepts(code[thread.pc].first, scalar) else { continue }
                add(thread.pc + 1, start: thread.start, at: position + 1, to: &next)
            }
            swap(&current, &next)
        }
        return Self.merged(spans)
    }

    func coveredRanges(in text: [UInt32]) -> [Range<Int>] {
        var steps = 0
        return coveredRanges(in: text, steps: &steps)
    }

    static func merged(_ spans: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, span.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
