extension UnsafeBufferPointer<UInt8> {
    /// Byte-wise three-way comparison of `self[range]` and `self[otherRange]`:
    /// negative, zero or positive, like memcmp followed by the lengths.
    func compareBytes(_ range: Range<Int>, _ otherRange: Range<Int>) -> Int {
        let common = Swift.min(range.count, otherRange.count)
        var offset = 0
        while offset < common {
            let left = self[range.lowerBound + offset]
            let right = self[otherRange.lowerBound + offset]
            if left != right { return Int(left) - Int(right) }
            offset += 1
        }
        return range.count - otherRange.count
    }

    /// Whether `self[range]` spells `literal`.
    func bytes(_ range: Range<Int>, equal literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for offset in 0..<range.count where self[range.lowerBound + offset] != literalBytes[offset] {
            return false
        }
        return true
    }
}
