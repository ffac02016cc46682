import HTTPServer

/// Set once in `init`, read-only afterwards.
final class HTTPServerBox: @unchecked Sendable {
    var value: HTTPServer!
}
