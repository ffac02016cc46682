import LambdaRuntime

/// `ResponseSink` on the runtime's response stream.
struct LambdaStreamSink: ResponseSink {
    let writer: LambdaResponseStreamWriter

    func start(status: Int, headers: [String: String]) throws {
        try writer.writeHTTPPrelude(statusCode: status, headers: headers)
    }

    func write(_ bytes: [UInt8]) throws {
        try writer.write(bytes)
    }
}
