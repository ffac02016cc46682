/// A webhook callback URL.
///
/// Rules: at most 2048 characters, no spaces or control characters, no
/// user-info (`user@host`), no fragment; scheme `https` and a DNS host name:
/// at least two labels, and never anything a resolver would read as an IP
/// address (a last label that is a number - `127.1`, `2130706433`,
/// `0x7f.0x0.0x0.0x1`, `0177.0.0.1` - or a bracketed IPv6 literal) nor
/// `localhost`. The one exception is a loopback receiver of a local stack
/// (`localhost`, `127.0.0.1`, `[::1]`, http or https) listed in
/// ``LocalWebhookReceivers``. Decoding a stored URL checks the shape only (so a
/// row registered under older, looser rules still reads, and lists); the
/// delivery side re-checks with ``isAllowed(localReceivers:)`` and checks the
/// addresses the name resolves to.
public struct CallbackURL: ValidatedString {
    public static let defaultField = "callbackUrl"
    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    public let rawValue: String
    /// The host, lower-cased, brackets kept for IPv6.
    public let host: String
    /// The explicit port, else the scheme's (443 or 80).
    public let port: Int
    public let isHTTPS: Bool

    /// `host:port`, the form ``LocalWebhookReceivers`` lists.
    public var endpoint: String { "\(host):\(port)" }

    /// Validates a URL for an environment whose loopback receivers are `localReceivers`.
    public init(validating text: String, localReceivers: LocalWebhookReceivers, field: String = "callbackUrl") throws(ValidationError) {
        try self.init(validating: text, field: field)
        guard isAllowed(localReceivers: localReceivers) else {
            throw ValidationError(field: field, code: .notAllowed, message: localReceivers.endpoints.isEmpty
                ? "must use https to a DNS host name"
                : "must use https to a DNS host name, or be a configured local receiver")
        }
    }

    /// Validates the shape only: https to a host name of letters, digits and
    /// hyphens, or http/https to a loopback host.
    public init(validating text: String, field: String) throws(ValidationError) {
        let invalid = ValidationError(field: field, code: .invalidFormat, message: "must be an absolute https URL")
        let lowered = text.lowercased()
        let isHTTPS = lowered.hasPrefix("https://")
        guard text.utf8.count <= 2048, isHTTPS || lowered.hasPrefix("http://"),
              text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !text.contains("#"),
              !text.contains("\\")  // WHATWG parsers read a backslash as a slash; curl does not
        else { throw invalid }
        let rest = lowered.dropFirst(isHTTPS ? 8 : 7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard let (host, port) = Self.hostAndPort(of: authority) else { throw invalid }
        guard isHTTPS ? Self.isHostName(host) || Self.loopbackHosts.contains(host) : Self.loopbackHosts.contains(host) else {
            throw ValidationError(field: field, code: .notAllowed, message: "must use https to a DNS host name")
        }
        rawValue = text
        self.host = host
        self.port = port ?? (isHTTPS ? 443 : 80)
        self.isHTTPS = isHTTPS
    }

    /// Whether this URL may be called where `localReceivers` are the configured loopback receivers.
    public func isAllowed(localReceivers: LocalWebhookReceivers) -> Bool {
        Self.loopbackHosts.contains(host) ? localReceivers.contains(self) : isHTTPS && Self.isDNSName(host)
    }

    /// The host and port of `authority` (`host[:port]`), or nil when malformed.
    private static func hostAndPort(of authority: Substring) -> (String, Int?)? {
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
        var number: Int?
        if let port {
            guard port.utf8.count <= 5, ASCII.all(port, ASCII.isDigit), let value = Int(port), (1...65535).contains(value)
            else { return nil }
            number = value
        }
        return host.isEmpty ? nil : (String(host), number)
    }

    /// At least two labels of 1-63 letters, digits and inner hyphens.
    private static func isHostName(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && ASCII.all(label) { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// A host name whose last label is not a number (the WHATWG URL parser and
    /// `inet_aton` read such a host as an IPv4 address, in decimal, octal or
    /// hex, whole or in parts) and is not `localhost` (RFC 6761).
    /// (Only ever asked about a host that passed ``isHostName(_:)``.)
    private static func isDNSName(_ host: String) -> Bool {
        host.split(separator: ".").last.map { $0 != "localhost" && !isNumeric($0) } == true
    }

    /// Decimal digits, or `0x` followed by hex digits (possibly none): a number to an IPv4 parser.
    private static func isNumeric(_ label: Substring) -> Bool {
        if label.hasPrefix("0x") {
            return label.dropFirst(2).utf8.allSatisfy { ASCII.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        }
        return ASCII.all(label, ASCII.isDigit)
    }
}
