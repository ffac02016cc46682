/// What went wrong on an HTTP/1.1 connection.
package enum HTTPWireError: Error, Equatable, Sendable {
    /// The peer closed the connection (cleanly, between or inside a message).
    case connectionClosed
    /// The request or status line plus headers exceeded the limit.
    case headTooLarge
    /// The body exceeded the caller's limit.
    case bodyTooLarge
    /// The bytes are not HTTP/1.1; the reason is fit for a 400 response.
    case malformed(String)
    /// A socket call failed with this errno.
    case io(operation: String, errno: Int32)
}
