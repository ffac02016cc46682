import FoundationEssentials

/// Matches a request's method and path to a route, like API Gateway's resource tree:
/// literal segments beat `{parameter}` segments, and a path that matches a
/// resource under another method is a 405-style miss rather than a 404.
public struct RouteTable: Sendable {
    public struct Match: Sendable, Equatable {
        public var route: Route
        public var pathParameters: [String: String]
    }

    public enum Miss: Error, Equatable {
        /// No resource has this path.
        case unknownPath
        /// The resource exists, but not with this method.
        case methodNotAllowed
    }

    public let routes: [Route]

    public init(routes: [Route]) {
        self.routes = routes
    }

    /// Reads the `{"routes": [...]}` document.
    public init(json: Data) throws {
        struct Document: Decodable { var routes: [Route] }
        self.init(routes: try JSONDecoder().decode(Document.self, from: json).routes)
    }

    public func match(method: String, path: String) -> Result<Match, Miss> {
        let segments = Self.segments(of: path)
        var best: (match: Match, literals: Int)?
        var pathExists = false
        for route in routes {
            guard let (parameters, literals) = Self.bind(Self.segments(of: route.path), to: segments) else { continue }
            pathExists = true
            guard route.method == method.uppercased() else { continue }
            if best == nil || literals > best!.literals {
                best = (Match(route: route, pathParameters: parameters), literals)
            }
        }
        if let best { return .success(best.match) }
        return .failure(pathExists ? .methodNotAllowed : .unknownPath)
    }

    static func segments(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Binds template segments to request segments; nil when they do not fit.
    private static func bind(_ template: [Substring], to actual: [Substring]) -> ([String: String], Int)? {
        guard template.count == actual.count else { return nil }
        var parameters: [String: String] = [:]
        var literals = 0
        for (pattern, value) in zip(template, actual) {
            if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                guard let decoded = percentDecoded(value) else { return nil }
                parameters[String(pattern.dropFirst().dropLast())] = decoded
            } else if pattern == value {
                literals += 1
            } else {
                return nil
            }
        }
        return (parameters, literals)
    }

    /// API Gateway hands path parameters to integrations percent-decoded.
    static func percentDecoded(_ segment: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
