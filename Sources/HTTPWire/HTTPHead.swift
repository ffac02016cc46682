/// The start line and header fields of a request or response.
package struct HTTPRequestHead: Sendable, Equatable {
    package var method: String
    /// The request target as sent: path plus optional `?query`.
    package var target: String
    package var version: String
    package var fields: HTTPFields

    package init(method: String, target: String, version: String = "HTTP/1.1", fields: HTTPFields = HTTPFields()) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
    }

    /// The path part of the target.
    package var path: Substring {
        queryMark.map { target[..<$0] } ?? target[...]
    }

    /// The query part of the target without `?`, or empty.
    package var query: Substring {
        queryMark.map { target[target.utf8.index(after: $0)...] } ?? ""
    }

    /// Where `?` is, found on the UTF-8 view (no grapheme breaking).
    private var queryMark: String.Index? { target.utf8.firstIndex(of: UInt8(ascii: "?")) }

    /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 the reverse.
    package var keepAlive: Bool {
        let connection = fields["Connection"]?.lowercased()
        if version == "HTTP/1.0" { return connection == "keep-alive" }
        return connection != "close"
    }
}

package struct HTTPResponseHead: Sendable, Equatable {
    package var status: Int
    package var fields: HTTPFields

    package init(status: Int, fields: HTTPFields = HTTPFields()) {
        self.status = status
        self.fields = fields
    }
}
