import FoundationEssentials

/// A failed invocation as the caller sees it: Lambda's error type and the
/// JSON document returned with `X-Amz-Function-Error: Unhandled`.
package struct FunctionError: Sendable, Equatable, Error {
    package var errorType: String
    package var payload: [UInt8]

    package init(errorType: String, payload: [UInt8]) {
        self.errorType = errorType
        self.payload = payload
    }

    /// An error the host itself raises (exit, timeout, size limit).
    package init(errorType: String, message: String) {
        struct Document: Encodable {
            var errorMessage: String
            var errorType: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(Document(errorMessage: message, errorType: errorType))) ?? Data()
        self.init(errorType: errorType, payload: [UInt8](json))
    }

    static func responseTooLarge(limit: Int) -> FunctionError {
        FunctionError(
            errorType: "Function.ResponseSizeTooLarge",
            message: "Response payload size exceeded maximum allowed payload size (\(limit) bytes)."
        )
    }
}
