import PlatformJSON

/// One gateway target: a tool's MCP description and the Lambda behind it,
/// from its `GLOBAL` tools-table row.
public struct ToolTarget: Sendable, Equatable {
    public var name: String
    public var description: String
    public var inputSchema: JSONValue
    /// The function name of the row's `lambdaArn`.
    public var functionName: String

    public init(name: String, description: String, inputSchema: JSONValue, functionName: String) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
        self.functionName = functionName
    }

    /// The `tools/list` entry.
    public var listing: JSONValue {
        .object(["name": .string(name), "description": .string(description), "inputSchema": inputSchema])
    }
}
