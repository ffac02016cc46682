import HTTPWire

/// Matches method and path against patterns such as `/functions/{name}/invocations`;
/// answers 404 when no path matches and 405 when only the method does not.
package struct HTTPRouter: Sendable {
    private struct Route: Sendable {
        let method: String
        let segments: [Substring]
        let handler: HTTPServer.Handler
    }

    private var routes: [Route] = []

    package init() {}

    package mutating func add(_ method: String, _ pattern: String, _ handler: @escaping HTTPServer.Handler) {
        routes.append(Route(method: method, segments: pattern.split(separator: "/"), handler: handler))
    }

    /// The server handler that dispatches to the routes.
    package var handler: HTTPServer.Handler {
        let routes = self.routes
        return { request, writer in
            // Split on the UTF-8 view: `/` is ASCII, and no grapheme breaking is needed.
            let segments = request.head.path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
            var pathMatched = false
            for route in routes {
                guard let parameters = Self.match(route.segments, segments) else { continue }
                pathMatched = true
                guard route.method == request.method else { continue }
                request.parameters = parameters
                return route.handler(request, writer)
            }
            let allowed = Set(routes.filter { Self.match($0.segments, segments) != nil }.map(\.method)).sorted()
            let status = pathMatched ? 405 : 404
            let headers: HTTPFields = pathMatched ? ["Allow": allowed.joined(separator: ", ")] : [:]
            try? writer.respond(status: status, json: "{\"message\":\"\(HTTPSerializer.reason(for: status))\"}", headers: headers)
        }
    }

    private static func match(_ pattern: [Substring], _ path: [Substring]) -> [String: String]? {
        guard pattern.count == path.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, path) {
            if expected.utf8.first == UInt8(ascii: "{"), expected.utf8.last == UInt8(ascii: "}") {
                parameters[String(expected.dropFirst().dropLast())] = String(actual)
            } else if !expected.utf8.elementsEqual(actual.utf8) {
                return nil
            }
        }
        return parameters
    }
}
