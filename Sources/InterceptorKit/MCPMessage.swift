import LambdaEvents
import PlatformJSON

/// The JSON-RPC 2.0 request inside a Gateway body, as far as the interceptors read it.
public struct MCPMessage: Sendable, Equatable {
    public var method: String
    /// A string or integer; nil for a notification.
    public var id: JSONValue?
    public var params: JSONObject?

    public init(document: JSONValue) throws(InterceptorDenial) {
        guard let object = document.objectValue else { throw .malformed(reason: "body is not a JSON-RPC object") }
        guard object["jsonrpc"] == "2.0" else { throw .malformed(reason: "jsonrpc is not 2.0") }
        guard let method = object["method"]?.stringValue, !method.isEmpty else {
            throw .malformed(reason: "method is missing")
        }
        switch object["id"] {
        case nil:
            id = nil
        case .string(let text)?:
            id = .string(text)
        case .number(let number)? where number.intValue != nil:
            id = .number(number)
        default:
            throw .malformed(reason: "id is not a string or integer")
        }
        switch object["params"] {
        case nil: params = nil
        case .object(let params)?: self.params = params
        default: throw .malformed(reason: "params is not an object")
        }
        self.method = method
    }

    /// The requests an MCP client sends to a server (2025-06-18): the only
    /// methods the interceptors pass, and the only method names a log line repeats.
    public static let knownRequestMethods: Set<String> = [
        "initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/read",
        "resources/templates/list", "resources/subscribe", "resources/unsubscribe", "prompts/list", "prompts/get",
        "logging/setLevel", "completion/complete",
    ]

    /// The notifications an MCP client sends to a server (2025-06-18).
    public static let knownNotifications: Set<String> = [
        "notifications/initialized", "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed",
    ]

    /// Whether `method` is one the platform serves; anything else is refused
    /// (its answer could carry data no check was written for).
    public static func isKnown(_ method: String) -> Bool {
        knownRequestMethods.contains(method) || knownNotifications.contains(method)
    }

    /// The method for a log line: a known MCP method by name, anything else
    /// as `other method` (the text is the caller's and could carry data).
    public var loggedMethod: String { Self.isKnown(method) ? method : "other method" }

    /// A notification (`notifications/...`) carries no id and gets no answer.
    public var isNotification: Bool { method.hasPrefix("notifications/") }

    /// The id of a request, when it is acceptable to send without one.
    public func requireID() throws(InterceptorDenial) -> JSONValue {
        guard let id else { throw .malformed(reason: "id is missing") }
        return id
    }

    /// `params.name` of a `tools/call`.
    public func toolName() throws(InterceptorDenial) -> String {
        guard let name = params?["name"]?.stringValue, !name.isEmpty else {
            throw .malformed(reason: "tools/call without params.name")
        }
        return name
    }

    /// The id of a body, if it has a usable one, for answering a malformed request.
    public static func bestEffortID(of document: JSONValue?) -> JSONValue? {
        switch document?["id"] {
        case .string(let text)?: .string(text)
        case .number(let number)? where number.intValue != nil: .number(number)
        default: nil
        }
    }
}
