import LambdaEvents
import PlatformJSON

/// What the gateway sends a tool Lambda for one `tools/call`: the tool's name,
/// its arguments, and the headers the request interceptor produced (the scoped
/// token in `Authorization`, the verified identity in `x-tenant-id` and friends).
public struct ToolRequest: Sendable, Equatable {
    public var toolName: String
    public var arguments: JSONObject
    public var headers: GatewayHeaders

    public init(toolName: String, arguments: JSONObject, headers: GatewayHeaders) {
        self.toolName = toolName
        self.arguments = arguments
        self.headers = headers
    }

    /// Parses the event strictly; anything else is `.malformedEvent`.
    public init(event: [UInt8], parser: JSONParser = JSONParser()) throws(ToolRefusal) {
        guard let document = try? parser.parse(event), case .object(let object) = document,
              let toolName = object["toolName"]?.stringValue,
              let headersObject = object["headers"]?.objectValue, let headers = GatewayHeaders(json: headersObject)
        else { throw .malformedEvent }
        let arguments: JSONObject
        switch object["arguments"] {
        case nil, .null?: arguments = JSONObject()
        case .object(let value)?: arguments = value
        default: throw .malformedEvent
        }
        self.init(toolName: toolName, arguments: arguments, headers: headers)
    }

    /// The event as the gateway writes it.
    public var event: JSONValue {
        .object(["toolName": .string(toolName), "arguments": .object(arguments), "headers": headers.json])
    }
}
