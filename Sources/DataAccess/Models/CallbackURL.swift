/// A webhook callback URL.
///
/// Rules: at most 2048 characters, no spaces or control characters, no
/// user-info (`user@host`), no fragment; scheme `https` and a DNS host name
/// (at least one dot, not an IP literal, not `localhost`). Only when
/// `localEnvironment` is set may it use `http` (or `https`) to a loopback host
/// (`localhost`, `127.0.0.1`, `[::1]`). Decoding a stored URL accepts both
/// forms; the delivery side re-checks with ``isAllowed(localEnvironment:)``.
public struct CallbackURL: ValidatedString {
    public static let defaultField = "callbackUrl"
    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    public let rawValue: String
    /// The host, lower-cased, brackets kept for IPv6.
    public let host: String
    public let isHTTPS: Bool

    /// Validates a URL for the given environment.
    public init(validating text: String, localEnvironment: Bool, field: String = "callbackUrl") throws(ValidationError) {
        try self.init(validating: text, field: field)
        guard isAllowed(localEnvironment: localEnvironment) else {
            throw ValidationError(field: field, code: .notAllowed, message: localEnvironment
                ? "must use https, or http to a loopback host"
                : "must use https to a DNS host name")
        }
    }

    /// Validates the shape only (https anywhere or http/https to loopback).
    public init(validating text: String, field: String) throws(ValidationError) {
        let invalid = ValidationError(field: field, code: .invalidFormat, message: "must be an absolute https URL")
        let lowered = text.lowercased()
        let isHTTPS = lowered.hasPrefix("https://")
        guard text.utf8.count <= 2048, isHTTPS || lowered.hasPrefix("http://"),
              text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !text.contains("#")
        else { throw invalid }
        let rest = lowered.dropFirst(isHTTPS ? 8 : 7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard let host = Self.host(of: authority) else { throw invalid }
        guard isHTTPS ? Self.isDNSName(host) || Self.loopbackHosts.contains(host) : Self.loopbackHosts.contains(host) else {
            throw ValidationError(field: field, code: .notAllowed, message: "must use https to a DNS host name")
        }
        rawValue = text
        self.host = host
        self.isHTTPS = isHTTPS
    }

    /// Whether this URL may be called in the given environment.
    public func isAllowed(localEnvironment: Bool) -> Bool {
        Self.loopbackHosts.contains(host) ? localEnvironment : isHTTPS
    }

    /// The host of `authority` (`host[:port]`), or nil when malformed.
    private static func host(of authority: Substring) -> String? {
        guard !authority.contains("@") else { return nil }
        let host: Substring, port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            port = after.isEmpty ? nil : after.dropFirst()
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            host = parts[0]
            port = parts.count == 2 ? parts[1] : nil
        }
        if let port {
            guard port.utf8.count <= 5, ASCII.all(port, ASCII.isDigit), let number = Int(port), (1...65535).contains(number)
            else { return nil }
        }
        return host.isEmpty ? nil : String(host)
    }

    /// A host name with at least two labels and a letter in the last one.
    private static func isDNSName(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                    && ASCII.all(label) { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            }
            && labels[labels.count - 1].utf8.contains(where: ASCII.isLetter)
    }
}
