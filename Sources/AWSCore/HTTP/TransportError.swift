/// Why an HTTP exchange failed below the HTTP layer.
///
/// Messages name the host, never a URL query, header or body: presigned
/// query strings and tokens must not end up in a log line.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host name did not resolve.
    case dnsFailure(host: String)
    /// Nothing accepted the TCP connection (refused or unreachable).
    case connectionRefused(host: String)
    /// The connect phase or the whole exchange took longer than allowed.
    case timedOut(host: String, connected: Bool, seconds: Double)
    /// The TLS handshake or certificate verification failed.
    case tls(host: String, detail: String)
    /// The peer closed the connection before the announced body length arrived.
    case truncatedBody(host: String)
    /// The peer closed or reset the connection without a complete response.
    case connectionLost(host: String, detail: String)
    /// The response body was larger than the configured limit.
    case bodyTooLarge(host: String, limit: Int)
    /// The request could not be handed to libcurl (for example a NUL byte in a header).
    case invalidRequest(String)
    /// Any other libcurl failure.
    case other(host: String, code: Int, detail: String)

    /// True when the request never reached the server, so sending it again cannot
    /// apply it twice.
    public var isConnectFailure: Bool {
        switch self {
        case .connectionRefused: true
        case .timedOut(_, let connected, _): !connected
        default: false
        }
    }

    public var description: String {
        switch self {
        case .dnsFailure(let host): "could not resolve host \(host)"
        case .connectionRefused(let host): "could not connect to \(host) (connection refused or unreachable)"
        case .timedOut(let host, let connected, let seconds):
            connected
                ? "request to \(host) timed out after \(seconds) s"
                : "connecting to \(host) timed out after \(seconds) s"
        case .tls(let host, let detail): "TLS failure with \(host): \(detail)"
        case .truncatedBody(let host): "response from \(host) ended before its announced length (truncated body)"
        case .connectionLost(let host, let detail): "connection to \(host) lost: \(detail)"
        case .bodyTooLarge(let host, let limit): "response from \(host) exceeded the body limit of \(limit) bytes"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .other(let host, let code, let detail): "HTTP transfer with \(host) failed (curl \(code)): \(detail)"
        }
    }
}
