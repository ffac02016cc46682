/// A buffered invocation's outcome, as the Invoke API returns it.
package struct InvocationResult: Sendable, Equatable {
    package var requestID: String
    /// The response, or the error document when `error` is set.
    package var payload: [UInt8]
    package var contentType: String?
    /// Set for function errors (`X-Amz-Function-Error: Unhandled`).
    package var error: FunctionError?

    /// Reads every event of `invocation` and buffers the response up to `limit` bytes.
    static func collect(_ invocation: Invocation, limit: Int) -> InvocationResult {
        var result = InvocationResult(requestID: invocation.requestID, payload: [], contentType: nil, error: nil)
        while true {
            switch invocation.nextEvent() {
            case .head(let contentType):
                result.contentType = contentType
            case .chunk(let bytes):
                guard result.error == nil else { continue }
                if result.payload.count + bytes.count > limit {
                    result.error = .responseTooLarge(limit: limit)
                } else {
                    result.payload += bytes
                }
            case .end:
                if let error = result.error { result.payload = error.payload }
                return result
            case .failure(let error):
                result.error = result.error ?? error
                result.payload = result.error!.payload
                result.contentType = "application/json"
                return result
            }
        }
    }
}
