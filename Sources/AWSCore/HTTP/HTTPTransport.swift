import FoundationEssentials

/// Sends HTTP requests: the one I/O seam under every AWS client, so tests can
/// swap in a fake and the Lambdas share one libcurl-backed implementation.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends `request` and hands each body chunk to `onChunk` as it arrives,
    /// after `onHead` has seen the status and headers.
    ///
    /// The transfer waits while `onChunk` runs, so a slow consumer slows the
    /// sender instead of growing a buffer. Returns the head (empty body).
    func stream(
        _ request: HTTPRequest,
        onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
        onChunk: @escaping @Sendable (Data) async throws -> Void
    ) async throws -> HTTPResponse
}
