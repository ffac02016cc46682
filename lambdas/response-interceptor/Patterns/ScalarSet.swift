/// A set of Unicode scalars (as `UInt32`), as a pattern's character class
/// describes it: ranges, possibly negated.
struct ScalarSet: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        self.ranges = ranges
        self.negated = negated
    }

    static func scalar(_ value: UInt32) -> ScalarSet { ScalarSet([value...value]) }
    static let digit = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    static let space = ScalarSet([0x09...0x0D, 0x20...0x20])
    /// `.`: anything but a line feed.
    static let any = ScalarSet([0x0A...0x0A], negated: true)

    func contains(_ scalar: UInt32) -> Bool {
        var found = false
        for range in ranges where range.contains(scalar) {
            found = true
            break
        }
        return found != negated
    }

    var inverted: ScalarSet { ScalarSet(ranges, negated: !negated) }

    /// The set with the other case of every ASCII letter added (case-insensitive matching).
    var caseFolded: ScalarSet {
        var added: [ClosedRange<UInt32>] = []
        for range in ranges {
            for (letters, shift) in [(UInt32(0x41)...0x5A, Int64(0x20)), (UInt32(0x61)...0x7A, Int64(-0x20))] {
                guard range.overlaps(letters) else { continue }
                let low = max(range.lowerBound, letters.lowerBound), high = min(range.upperBound, letters.upperBound)
                added.append(UInt32(Int64(low) + shift)...UInt32(Int64(high) + shift))
            }
        }
        return ScalarSet(ranges + added, negated: negated)
    }
}
