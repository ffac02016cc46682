/// Where the bridge writes its answer: the Lambda response stream.
protocol ResponseSink: Sendable {
    /// The HTTP-integration prelude (status and headers); before any `write`.
    func start(status: Int, headers: [String: String]) throws
    func write(_ bytes: [UInt8]) throws
}
