/// An interceptor's answer to one event, with a label for the log line.
public struct InterceptorResult: Sendable, Equatable {
    /// The output document to return to the Gateway.
    public var output: [UInt8]
    /// What happened (`pass`, `replay`, `redacted`, or the denial reason); never a token or payload.
    public var outcome: String

    public init(output: [UInt8], outcome: String) {
        self.output = output
        self.outcome = outcome
    }
}
