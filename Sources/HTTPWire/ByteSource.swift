/// Where an `HTTPReader` gets bytes: a socket, or memory in tests.
package protocol ByteSource: AnyObject {
    /// Reads at most `buffer.count` bytes; returns 0 at end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(HTTPWireError) -> Int
}
