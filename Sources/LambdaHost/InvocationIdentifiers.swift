import Synchronization

/// Request IDs and X-Ray trace IDs for invocations, drawn from a generator the
/// system seeds once: `UUID()` opens /dev/urandom and `UInt64.random` makes a
/// `getrandom` call, a syscall apiece on every invocation. The IDs need to be
/// unique, not secret.
final class InvocationIdentifiers: Sendable {
    private let generator: Mutex<SplitMix64>

    init(seed: UInt64 = UInt64.random(in: 0...UInt64.max)) {
        generator = Mutex(SplitMix64(state: seed))
    }

    /// A lowercase version-4 UUID, as Lambda's request IDs look.
    func requestID() -> String {
        let (high, low) = generator.withLock { ($0.next(), $0.next()) }
        return Self.uuid(high: high, low: low)
    }

    /// `Root=1-{epoch seconds}-{96 random bits};Parent={64 random bits};Sampled=0`.
    func traceID(epochSeconds: UInt64) -> String {
        let (root, rootTail, parent) = generator.withLock { ($0.next(), $0.next(), $0.next()) }
        return Self.traceID(epochSeconds: epochSeconds, root: root, rootTail: UInt32(truncatingIfNeeded: rootTail), parent: parent)
    }

    static func uuid(high: UInt64, low: UInt64) -> String {
        let high = high & 0xFFFF_FFFF_FFFF_0FFF | 0x4000  // version 4
        let low = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC 4122 variant
        var text = HexText(capacity: 36)
        text.append(high >> 32, digits: 8)
        text.append(byte: UInt8(ascii: "-"))
        text.append(high >> 16, digits: 4)
        text.append(byte: UInt8(ascii: "-"))
        text.append(high, digits: 4)
        text.append(byte: UInt8(ascii: "-"))
        text.append(low >> 48, digits: 4)
        text.append(byte: UInt8(ascii: "-"))
        text.append(low, digits: 12)
        return text.string
    }

    static func traceID(epochSeconds: UInt64, root: UInt64, rootTail: UInt32, parent: UInt64) -> String {
        var text = HexText(capacity: 71)
        text.append("Root=1-")
        text.append(epochSeconds, digits: 8)
        text.append(byte: UInt8(ascii: "-"))
        text.append(root, digits: 16)
        text.append(UInt64(rootTail), digits: 8)
        text.append(";Parent=")
        text.append(parent, digits: 16)
        text.append(";Sampled=0")
        return text.string
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): every output of one seed is distinct
/// for 2^64 draws, which is what IDs need.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// ASCII text built byte by byte, with fixed-width lowercase hex.
private struct HexText {
    private var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The low `digits` hex digits of `value`.
    mutating func append(_ value: UInt64, digits: Int) {
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            bytes.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
        }
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
