import HTTPWire

/// One request as the server received it; the body is read on demand so a
/// handler can relay a chunked upload as it arrives.
package final class HTTPServerRequest {
    package let head: HTTPRequestHead
    package let body: HTTPBodyReader
    /// Values of `{name}` segments matched by an `HTTPRouter`.
    package var parameters: [String: String] = [:]

    package init(head: HTTPRequestHead, body: HTTPBodyReader) {
        self.head = head
        self.body = body
    }

    package var method: String { head.method }
    package var path: String { String(head.path) }
    package var headers: HTTPFields { head.fields }
}
