import LambdaEvents
import PlatformJSON

/// Removes from a `tools/list` response every tool the caller may not use,
/// both in the standard MCP place (`result.tools`) and in a top-level `tools`.
struct ToolListFilter: Sendable {
    /// Whether the caller may see the tool named so.
    let isVisible: @Sendable (String) async throws -> Bool

    func filter(_ document: JSONValue) async throws -> JSONValue {
        guard case .object(var body) = document else { return document }
        if case .object(var result)? = body["result"], let tools = result["tools"]?.arrayValue {
            result["tools"] = .array(try await visible(tools))
            body["result"] = .object(result)
        }
        if let tools = body["tools"]?.arrayValue {
            body["tools"] = .array(try await visible(tools))
        }
        return .object(body)
    }

    /// A tool entry without a string `name` is dropped: it cannot be checked.
    private func visible(_ tools: [JSONValue]) async throws -> [JSONValue] {
        var kept: [JSONValue] = []
        for tool in tools {
            guard let name = tool["name"]?.stringValue else { continue }
            if try await isVisible(name) { kept.append(tool) }
        }
        return kept
    }
}
