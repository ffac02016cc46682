import FoundationEssentials

/// The text of a structured log message: the event name, then its fields as
/// one JSON object (`audit_write_failed {"operation":"tenant.create"}`).
/// Callers pass identifiers and codes only, never secrets or payloads.
enum JSONLog {
    static func text(message: String, fields: [String: String]) -> String {
        guard !fields.isEmpty else { return message }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return message + " " + json
    }
}
