/// What happens to an invocation, in order: a head, chunks, then `end` or `failure`.
package enum InvocationEvent: Sendable, Equatable {
    /// The function started its response (`Content-Type` as the runtime sent it).
    case head(contentType: String?)
    case chunk([UInt8])
    case end
    /// The invocation failed; after a head this is a mid-stream failure.
    case failure(FunctionError)

    var isTerminal: Bool {
        switch self {
        case .end, .failure: true
        case .head, .chunk: false
        }
    }
}
