import FoundationEssentials
import LambdaEvents
import PlatformJSON

/// The redactor built from the SSM pattern list, re-read at most once per
/// lifetime (60 s). Absent, unreadable or invalid lists fall back to the
/// built-in patterns; an SSM failure keeps the last good redactor.
actor PIIPatternCache {
    static let parameterName = "/platform/gateway/pii-patterns/default"

    private let source: any ParameterSource
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var current: PIIRedactor?
    private var loadedAt: Date?
    /// Why the last load fell back to the built-ins (for the log), if it did.
    private(set) var lastFallbackReason: String?

    init(source: any ParameterSource, lifetime: TimeInterval = 60, now: @escaping @Sendable () -> Date) {
        self.source = source
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
            loaded = try await Self.redactor(fromParameter: source.parameter(named: Self.parameterName))
            lastFallbackReason = nil
        } catch let reason as FallbackReason {
            lastFallbackReason = reason.description
            loaded = .builtIn()
        } catch {
            // SSM itself failed: keep what we had, or the built-ins.
            lastFallbackReason = "parameter read failed"
            loaded = current ?? .builtIn()
        }
        current = loaded
        return loaded
    }

    struct FallbackReason: Error, CustomStringConvertible {
        var description: String
    }

    /// The redactor for a parameter value: a non-empty JSON list of valid regexes.
    static func redactor(fromParameter value: String?) throws -> PIIRedactor {
        guard let value else { throw FallbackReason(description: "parameter absent") }
        guard let list = try? JSONParser().parse(value).arrayValue, !list.isEmpty else {
            throw FallbackReason(description: "parameter is not a non-empty JSON list")
        }
        let patterns = list.compactMap(\.stringValue)
        guard patterns.count == list.count else { throw FallbackReason(description: "parameter lists a non-string") }
        do {
            return try PIIRedactor(patterns: patterns)
        } catch {
            throw FallbackReason(description: "parameter lists an invalid regular expression")
        }
    }
}
