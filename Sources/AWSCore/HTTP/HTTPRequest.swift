import FoundationEssentials

/// An HTTP request as it goes on the wire: the path and query are kept exactly
/// as they will be sent (already percent-encoded), because SigV4 signs those bytes.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// `http` or `https`.
    public var scheme: String
    /// Host and optional `:port`, as sent in the `Host` header.
    public var authority: String
    /// The raw, percent-encoded path, starting with `/`.
    public var path: String
    /// The raw query string without the leading `?`, or empty.
    public var query: String
    public var headers: HTTPHeaders
    public var body: Data

    public init(
        method: String,
        scheme: String = "https",
        authority: String,
        path: String = "/",
        query: String = "",
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data()
    ) {
        self.method = method
        self.scheme = scheme
        self.authority = authority
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Parses `scheme://authority/path?query`; nil when the URL has no scheme or host.
    public init?(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = String(url[..<schemeEnd.lowerBound]).lowercased()
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = String(rest[..<authorityEnd])
        guard !scheme.isEmpty, !authority.isEmpty else { return nil }
        let target = rest[authorityEnd...]
        let path: Substring
        let query: Substring
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target
            query = ""
        }
        self.init(
            method: method, scheme: scheme, authority: authority,
            path: String(path), query: String(query), headers: headers, body: body
        )
    }

    /// The host without any port.
    public var host: String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// The full URL as sent.
    public var url: String {
        query.isEmpty ? "\(scheme)://\(authority)\(path)" : "\(scheme)://\(authority)\(path)?\(query)"
    }
}
