import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// Writes a whole API answer to the response stream. A streaming integration
/// (the invoke route, `x-platform-streaming`) gets the HTTP prelude and the
/// body; a buffered integration gets the proxy-response JSON itself, which is
/// what a buffered Invoke of a streaming function returns.
struct HTTPResponder: Sendable {
    let sink: any ResponseSink
    let streamingIntegration: Bool

    func send(_ response: APIGatewayProxyResponse) throws {
        if streamingIntegration {
            try sink.start(status: response.statusCode, headers: response.headers ?? [:])
            try sink.write(Array((response.body ?? "").utf8))
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try sink.write([UInt8](try encoder.encode(response)))
        }
    }
}
