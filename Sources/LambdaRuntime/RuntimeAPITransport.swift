import HTTPWire

/// The I/O seam to the Runtime API: a socket in Lambda, a fake in tests.
package protocol RuntimeAPITransport: Sendable {
    /// Sends a request with a complete body and waits for the reply.
    func exchange(_ request: RuntimeAPIRequest) throws(HTTPWireError) -> RuntimeAPIResponse
    /// Starts a chunked request; its head may be held back until the first chunk.
    func beginStream(_ head: RuntimeAPIRequest) throws(HTTPWireError)
    /// Sends one chunk of a streamed request.
    func writeChunk(_ bytes: [UInt8]) throws(HTTPWireError)
    /// Ends the stream with `trailers` and waits for the reply.
    func endStream(trailers: HTTPFields) throws(HTTPWireError) -> RuntimeAPIResponse
}
