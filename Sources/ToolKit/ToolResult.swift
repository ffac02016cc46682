import PlatformJSON

/// An MCP `tools/call` result (`content` of text items, `isError`), as a tool
/// Lambda answers the gateway. A refusal is a result with `isError` (MCP's
/// tool-execution error), so the caller sees why without a transport error.
public struct ToolResult: Sendable, Equatable {
    public var text: String
    public var structured: JSONObject?
    public var isError: Bool

    public init(text: String, structured: JSONObject? = nil, isError: Bool = false) {
        self.text = text
        self.structured = structured
        self.isError = isError
    }

    public static func refused(_ refusal: ToolRefusal) -> ToolResult {
        ToolResult(text: "Tool refused the call: \(refusal.description)", isError: true)
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("content", .array([.object(["type": "text", "text": .string(text)])])),
        ]
        if let structured { members.append(("structuredContent", .object(structured))) }
        members.append(("isError", .bool(isError)))
        return .object(JSONObject(members))
    }
}
