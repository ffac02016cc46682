/// A string as the PII patterns see it: what a person reads, with the
/// disguises taken off. Invisible scalars (zero-width space and joiners, soft
/// hyphen, word joiner, BOM, bidirectional controls: every default-ignorable
/// code point) are dropped; every kind of space (NBSP, thin, figure, ideographic,
/// tabs, line breaks) becomes one space, runs of them one space; every dash
/// (hyphens, en/em dash, minus sign) becomes `-`; every decimal digit of any
/// script becomes its ASCII digit; full-width ASCII becomes ASCII.
///
/// `origin` maps each normalised scalar back to the original one, so a match
/// is redacted in the original text, invisible scalars inside it included.
struct NormalisedText {
    var scalars: [UInt32] = []
    var origin: [Int] = []

    init(_ original: [Unicode.Scalar]) {
        scalars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        for (index, scalar) in original.enumerated() {
            guard let mapped = Self.normalised(scalar) else { continue }
            if mapped == 0x20, scalars.last == 0x20 { continue }
            scalars.append(mapped)
            origin.append(index)
        }
    }

    /// The scalar a person reads `scalar` as, or nil when it is invisible.
    static func normalised(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        if value < 0x80 {
            // ASCII: only the whitespace controls change.
            return (0x09...0x0D).contains(value) ? 0x20 : value
        }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint { return nil }
        if properties.isWhitespace { return 0x20 }
        if properties.generalCategory == .dashPunctuation || value == 0x2212 || value == 0xFE63 { return 0x2D }
        if properties.numericType == .decimal, let digit = properties.numericValue, (0...9).contains(digit) {
            return 0x30 + UInt32(digit)
        }
        if (0xFF01...0xFF5E).contains(value) { return value - 0xFEE0 }
        return value
    }

    /// The original scalar range behind the normalised range `range`.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        origin[range.lowerBound]..<(origin[range.upperBound - 1] + 1)
    }
}
