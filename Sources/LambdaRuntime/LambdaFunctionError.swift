/// An error a handler throws to choose the `errorType` Lambda reports.
/// Any other thrown error is reported with its Swift type name.
public struct LambdaFunctionError: Error, Sendable, Equatable {
    public var errorType: String
    public var message: String

    public init(errorType: String, message: String) {
        self.errorType = errorType
        self.message = message
    }

    /// The report for any thrown error: its type and description.
    package init(reporting error: any Error) {
        if let error = error as? LambdaFunctionError {
            self = error
        } else {
            self.init(errorType: String(describing: type(of: error)), message: String(describing: error))
        }
    }

    /// The Runtime API error document.
    package var document: String { JSONText.errorDocument(type: errorType, message: message) }
}
