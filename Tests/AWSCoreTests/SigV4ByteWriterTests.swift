import Testing
@testable import AWSCore

@Suite struct SigV4ByteWriterTests {
    @Test func growsPastItsInitialCapacity() {
        var writer = SigV4ByteWriter(capacity: 1)
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 40)
        writer.write(chunk)
        for _ in 0..<30 { writer.write(UInt8(ascii: "y")) }
        writer.write("z")
        writer.write(UnsafeBufferPointer(start: nil, count: 0))
        writer.removeLast()
        #expect(writer.count == 70)
        #expect(writer.array == chunk + [UInt8](repeating: UInt8(ascii: "y"), count: 30))
    }
}
