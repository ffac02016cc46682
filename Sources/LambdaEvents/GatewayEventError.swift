import PlatformJSON
/// Why an AgentCore Gateway interceptor event could not be read. Messages name
/// the missing or invalid field, never a header value or body content.
public enum GatewayEventError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The event is not a JSON document within the limits.
    case eventNotJSON(JSONParseError)
    /// A required field is absent or has the wrong type; the associated value is its path.
    case invalidField(String)
    /// The body is a string that does not hold a JSON document.
    case bodyNotJSON(JSONParseError)

    public var description: String {
        switch self {
        case .eventNotJSON(let error): "interceptor event is not acceptable JSON (\(error.kind.rawValue))"
        case .invalidField(let path): "interceptor event field \(path) is missing or invalid"
        case .bodyNotJSON(let error): "gateway body is not acceptable JSON (\(error.kind.rawValue))"
        }
    }
}
