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
        while !result.absorb(invocation.nextEvent(), limit: limit) {}
        return result
    }

    /// Adds one event of the invocation; true once the result is final.
    @discardableResult
    mutating func absorb(_ event: InvocationEvent, limit: Int) -> Bool {
        switch event {
        case .head(let contentType):
            self.contentType = contentType
        case .chunk(let bytes):
            guard error == nil else { return false }
            if payload.count + bytes.count > limit {
                error = .responseTooLarge(limit: limit)
            } else {
                payload += bytes
            }
        case .end:
            if let error { payload = error.payload }
            return true
        case .failure(let failure):
            error = error ?? failure
            payload = error!.payload
            contentType = "application/json"
            return true
        }
        return false
    }
}
