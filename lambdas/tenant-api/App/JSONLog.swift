import AWSCore
import FoundationEssentials

/// Structured log lines (one JSON object per line on standard output, which
/// Lambda ships to CloudWatch Logs). Callers pass identifiers and codes only.
enum JSONLog {
    static func line(level: String, message: String, fields: [String: String], now: Date = Date()) -> String {
        var object = fields
        object["level"] = level
        object["message"] = message
        object["timestamp"] = DynamoDBItemTimestamp.string(from: now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"message":"unencodable log line"}"#
    }

    @Sendable static func write(level: String, message: String, fields: [String: String]) {
        print(line(level: level, message: message, fields: fields))
    }
}
