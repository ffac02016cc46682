/// A response this client could not understand: an error body that is neither
/// JSON nor XML, or a success body that does not match the expected shape.
///
/// The reason names the problem and where it is, never the body's content.
public struct AWSResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var service: String
    public var operation: String
    public var status: Int
    public var reason: String

    public init(service: String, operation: String, status: Int, reason: String) {
        self.service = service
        self.operation = operation
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(service) \(operation): unreadable response (HTTP \(status)): \(reason)" }
}
