/// Buffered reading of HTTP/1.1 framing from a byte source.
///
/// Not thread-safe: one connection, one reader, one thread at a time.
package final class HTTPReader {
    private let source: any ByteSource
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0

    package init(source: any ByteSource, initialCapacity: Int = 16 * 1024) {
        self.source = source
        storage = .allocate(capacity: initialCapacity)
    }

    deinit { storage.deallocate() }

    private var available: Int { end - start }

    /// Pulls more bytes into the buffer; false at end of stream.
    private func fill() throws(HTTPWireError) -> Bool {
        if start == end {
            start = 0
            end = 0
        }
        if end == storage.count {
            if start > 0 {
                let count = end - start
                storage.baseAddress!.update(from: storage.baseAddress! + start, count: count)
                start = 0
                end = count
            } else {
                let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
                bigger.baseAddress!.initialize(from: storage.baseAddress!, count: end)
                storage.deallocate()
                storage = bigger
            }
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[end...])))
        end += count
        return count > 0
    }

    /// Reads through the blank line ending a head and returns the head without it.
    /// Returns nil when the stream ends cleanly before the first byte.
    package func readHead(limit: Int) throws(HTTPWireError) -> ArraySlice<UInt8>? {
        // Offset from `start` already searched; `fill` may move the bytes, not their offsets.
        var scanned = 0
        while true {
            if let found = find(crlfcrlf, from: start + max(0, scanned - 3)) {
                guard found - start <= limit else { throw .headTooLarge }
                let head = Array(storage[start..<found])[...]
                start = found + 4
                return head
            }
            scanned = available
            if available > limit { throw .headTooLarge }
            if try !fill() {
                if available == 0 { return nil }
                throw .connectionClosed
            }
        }
    }

    /// Reads one CRLF-terminated line (without the CRLF).
    package func readLine(limit: Int) throws(HTTPWireError) -> ArraySlice<UInt8> {
        var scanned = 0
        while true {
            if let found = find(crlf, from: start + max(0, scanned - 1)) {
                guard found - start <= limit else { throw .headTooLarge }
                let line = Array(storage[start..<found])[...]
                start = found + 2
                return line
            }
            scanned = available
            if available > limit { throw .headTooLarge }
            guard try fill() else { throw .connectionClosed }
        }
    }

    /// Returns between 1 and `maximum` bytes, reading only if the buffer is empty.
    package func readSome(maximum: Int) throws(HTTPWireError) -> [UInt8] {
        if available == 0 { guard try fill() else { throw .connectionClosed } }
        let count = min(maximum, available)
        defer { start += count }
        return Array(storage[start..<start + count])
    }

    /// Returns exactly `count` bytes.
    package func readExactly(_ count: Int) throws(HTTPWireError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            result += try readSome(maximum: count - result.count)
        }
        return result
    }

    private let crlf: [UInt8] = [13, 10]
    private let crlfcrlf: [UInt8] = [13, 10, 13, 10]

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        let last = end - needle.count
        guard from <= last else { return nil }
        var i = from
        while i <= last {
            if storage[i] == needle[0] {
                var matched = true
                for j in 1..<needle.count where storage[i + j] != needle[j] {
                    matched = false
                    break
                }
                if matched { return i }
            }
            i += 1
        }
        return nil
    }
}
