/// Where the gateway writes its answer: the HTTP server's response writer in
/// `local-platform`, a recorder in tests. Either `respond` once, or
/// `startStream`, any number of `writeChunk`, then `finishStream`.
public protocol GatewayResponseWriter: AnyObject {
    func respond(status: Int, headers: [(String, String)], body: [UInt8]) throws
    func startStream(status: Int, headers: [(String, String)]) throws
    func writeChunk(_ bytes: [UInt8]) throws
    func finishStream() throws
}
