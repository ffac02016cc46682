/// Why an invocation could not be queued.
package enum InvokeError: Error, Equatable, Sendable {
    case functionNotFound(String)
    case stopped
}
