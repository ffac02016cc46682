import FoundationEssentials

/// The CORS headers every API response carries so the web console, and only
/// the web console, may read it (docs/decisions/0038).
///
/// A proxy integration's response goes to the browser as the Lambda wrote it,
/// so the Lambdas add these themselves; the gateway answers the preflight.
/// One allowed origin, so the header does not depend on the request's `Origin`.
public enum CrossOrigin {
    /// Response headers a console script may read (the request id for error reports).
    public static let exposedHeaders = "x-amzn-RequestId, X-Session-Id, Retry-After, Idempotent-Replayed"

    /// The headers for `consoleOrigin` (`scheme://host[:port]`); none when it is unset or not an origin.
    public static func headers(consoleOrigin: String?) -> [String: String] {
        guard let origin = consoleOrigin, isOrigin(origin) else { return [:] }
        return ["Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": exposedHeaders, "Vary": "Origin"]
    }

    /// This process's headers, from `CONSOLE_ORIGIN`, read once (Lambda environments do not change).
    public static let current: [String: String] = headers(consoleOrigin: ProcessInfo.processInfo.environment["CONSOLE_ORIGIN"])

    /// `http(s)://host[:port]` without path, query, wildcard or credentials: anything else would be
    /// a misconfiguration that must not widen who may read the API.
    static func isOrigin(_ text: String) -> Bool {
        let rest: Substring
        if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        return !rest.isEmpty && rest.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" }
            && rest.first != ":" && rest.first != "."
    }
}
