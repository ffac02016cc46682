/// A decimal number as written (`-12.340`, `2.5e-3`): sign, digits and a power of ten,
/// so it can be scaled to an integer unit without rounding.
struct DecimalText: Equatable, Sendable {
    var isNegative: Bool
    /// The significant digits, without the decimal point.
    var digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    var exponent: Int

    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits.append(byte - UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        var exponent = 0
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            guard let value = Int(String(decoding: bytes, as: UTF8.self)), abs(value) <= 400 else { return nil }
            exponent = value
        }
        self.digits = digits
        self.exponent = exponent - fractionDigits
    }

    /// `value × 10^power` as an integer; nil when that leaves a non-zero fraction or overflows.
    func scaled(byPowerOfTen power: Int) -> Int64? {
        let shift = exponent + power
        var kept = digits
        if shift < 0 {
            let dropped = kept.suffix(min(-shift, kept.count))
            guard dropped.allSatisfy({ $0 == 0 }) else { return nil }
            kept.removeLast(dropped.count)
        }
        var result: Int64 = 0
        for digit in kept + Array(repeating: 0, count: max(shift, 0)) {
            let (times10, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(Int64(digit))
            guard !overflowA, !overflowB else { return nil }
            result = sum
        }
        return isNegative ? -result : result
    }
}
