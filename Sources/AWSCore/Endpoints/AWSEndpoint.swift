/// Where a service's requests go: scheme, host (and port), and a base path
/// that every request path is appended to.
public struct AWSEndpoint: Sendable, Equatable {
    public var scheme: String
    public var authority: String
    /// Empty, or a path starting with `/` and without a trailing `/`.
    public var basePath: String
    /// True when it came from `AWS_ENDPOINT_URL*` (a local stack): S3 then uses path-style addressing.
    public var isOverride: Bool

    public init(scheme: String, authority: String, basePath: String = "", isOverride: Bool = false) {
        self.scheme = scheme
        self.authority = authority
        self.basePath = basePath
        self.isOverride = isOverride
    }

    /// Parses an endpoint URL such as `http://127.0.0.1:5000` or `https://host/prefix/`.
    init?(url: String, isOverride: Bool) {
        guard let request = HTTPRequest(method: "GET", url: url), request.query.isEmpty,
              request.scheme == "http" || request.scheme == "https" else { return nil }
        var path = Substring(request.path)
        while path.hasSuffix("/") { path = path.dropLast() }
        self.init(scheme: request.scheme, authority: request.authority, basePath: String(path), isOverride: isOverride)
    }

    /// A request to `path` (already percent-encoded, starting with `/`) on this endpoint.
    func request(method: String, path: String, query: String = "", headers: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        HTTPRequest(method: method, scheme: scheme, authority: authority, path: basePath + path, query: query,
                    headers: headers)
    }
}
