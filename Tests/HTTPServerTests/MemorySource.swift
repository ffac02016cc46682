import HTTPWire

/// Feeds bytes to an `HTTPReader` a few at a time, as a slow socket would.
final class MemorySource: ByteSource {
    private var bytes: [UInt8]
    private let step: Int

    init(_ text: String, step: Int = 3) {
        bytes = Array(text.utf8)
        self.step = step
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(HTTPWireError) -> Int {
        let count = min(step, buffer.count, bytes.count)
        for index in 0..<count { buffer[index] = bytes[index] }
        bytes.removeFirst(count)
        return count
    }
}
