import FoundationEssentials
import LambdaEvents
import PlatformJSON

/// The redactor built from the built-in patterns plus the SSM pattern list,
/// re-read at most once per lifetime (60 s). The SSM list only ever adds:
/// an absent or empty list means the built-ins alone, an entry that is not a
/// supported pattern is skipped (the rest still apply), an unreadable list
/// means the built-ins alone, and an SSM failure keeps the last good redactor.
actor PIIPatternCache {
    /// The SYSTEM.md parameter; `PII_PATTERNS_PARAMETER` names another (one per test stack).
    static let defaultParameterName = "/platform/gateway/pii-patterns/default"

    let parameterName: String
    private let source: any ParameterSource
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var current: PIIRedactor?
    private var loadedAt: Date?
    /// Why the last load does not use every SSM entry (for the log), if it does not.
    /// Names entries by position only: the patterns are configuration, kept out of logs.
    private(set) var lastFallbackReason: String?

    init(
        source: any ParameterSource, parameterName: String = PIIPatternCache.defaultParameterName, lifetime: TimeInterval = 60,
        now: @escaping @Sendable () -> Date
    ) {
        self.source = source
        self.parameterName = parameterName
        self.lifetime = lifetime
        self.now = now
    }

    /// Redacts a JSON-RPC response body with the current patterns.
    func redactResponse(_ document: JSONValue) async -> JSONValue {
        await redactor().redactResponse(document)
    }

    private func redactor() async -> PIIRedactor {
        let time = now()
        if let current, let loadedAt, time.timeIntervalSince(loadedAt) < lifetime { return current }
        loadedAt = time
        let loaded: PIIRedactor
        do {
            (loaded, lastFallbackReason) = Self.redactor(fromParameter: try await source.parameter(named: parameterName))
        } catch {
            // SSM itself failed: keep what we had, or the built-ins.
            lastFallbackReason = "parameter read failed"
            loaded = current ?? .builtIn()
        }
        current = loaded
        return loaded
    }

    /// The redactor for a parameter value (a JSON list of patterns, see
    /// `PatternParser`), and what of it could not be used.
    static func redactor(fromParameter value: String?) -> (PIIRedactor, problem: String?) {
        guard let value else { return (.builtIn(), nil) }
        guard let list = try? JSONParser().parse(value).arrayValue else {
            return (.builtIn(), "parameter is not a JSON list")
        }
        var nodes: [PatternNode] = []
        var skipped: [String] = []
        for (index, entry) in list.enumerated() {
            guard index < PIIRedactor.maxAdditionalPatterns else {
                skipped.append("entries from \(index) (more than \(PIIRedactor.maxAdditionalPatterns))")
                break
            }
            guard let text = entry.stringValue else {
                skipped.append("entry \(index) (not a string)")
                continue
            }
            do {
                nodes.append(try PatternParser.parse(text))
            } catch {
                skipped.append("entry \(index) (\(error.description))")
            }
        }
        do {
            let redactor = try PIIRedactor(additional: nodes)
            return (redactor, skipped.isEmpty ? nil : "skipped " + skipped.joined(separator: ", "))
        } catch {
            return (.builtIn(), error.description)
        }
    }
}
