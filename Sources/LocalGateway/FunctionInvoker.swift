/// The functions behind the gateway: the in-process Lambda host in
/// `local-platform`, a fake in tests. The one I/O seam on the integration side.
public protocol FunctionInvoker: Sendable {
    /// Queues an invocation of `function`; the caller pulls its events until `.end` or `.failure`.
    func invoke(function: String, payload: [UInt8]) throws(FunctionInvokeError) -> any FunctionResponseSource
}

/// Events of one invocation, pulled in order (blocking until the next one exists).
public protocol FunctionResponseSource: Sendable {
    func next() -> FunctionResponseEvent
}

public enum FunctionResponseEvent: Sendable, Equatable {
    /// The function started answering, with the runtime's `Content-Type`.
    case head(contentType: String?)
    case chunk([UInt8])
    case end
    /// The invocation failed: Lambda's error type and error document.
    case failure(errorType: String, payload: [UInt8])
}

public enum FunctionInvokeError: Error, Sendable, Equatable {
    /// The platform does not host this function (yet).
    case functionNotFound(String)
    /// The host is shutting down.
    case stopped
}
