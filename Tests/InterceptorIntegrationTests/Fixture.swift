import Foundation

/// A recorded AgentCore Gateway event from `Fixtures/`, with its `{{PLACEHOLDER}}`s
/// (the user's token, the MCP session, the tool) filled in for this test.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct UnfilledPlaceholder: Error, CustomStringConvertible {
        var fixture: String
        var description: String { "fixture \(fixture) still has a {{placeholder}} after substitution" }
    }

    static func text(_ name: String, _ values: [String: String] = [:]) throws -> String {
        var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        for (placeholder, value) in values {
            text = text.replacingOccurrences(of: "{{\(placeholder)}}", with: value)
        }
        guard !text.contains("{{") else { throw UnfilledPlaceholder(fixture: name) }
        return text
    }

    static func event(_ name: String, _ values: [String: String] = [:]) throws -> [UInt8] {
        Array(try text(name, values).utf8)
    }
}
