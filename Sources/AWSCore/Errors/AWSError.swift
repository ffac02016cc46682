/// An error answer from an AWS service, as the service coded it.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SDK service id, e.g. `DynamoDB`.
    public var service: String
    /// The error code without namespace, e.g. `ConditionalCheckFailedException`.
    public var code: String
    public var message: String
    public var status: Int
    public var requestID: String?

    public init(service: String, code: String, message: String, status: Int, requestID: String? = nil) {
        self.service = service
        self.code = code
        self.message = message
        self.status = status
        self.requestID = requestID
    }

    public var description: String {
        let request = requestID.map { ", request \($0)" } ?? ""
        return "\(service) \(code) (HTTP \(status)\(request)): \(message)"
    }
}
