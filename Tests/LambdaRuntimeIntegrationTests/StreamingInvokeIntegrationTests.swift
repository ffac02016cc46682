import PlatformTestSupport
import FoundationEssentials
import HTTPWire
import LambdaHost
import Testing

@Suite struct StreamingInvokeIntegrationTests {
    static func stream(_ harness: Harness, _ body: String) throws -> (WireClient, HTTPResponseHead, HTTPBodyReader) {
        let client = try WireClient(port: harness.server.port)
        try client.send("POST /2021-11-15/functions/fxs/response-streaming-invocations HTTP/1.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        let head = try client.readHead()
        return (client, head, try client.body(for: head))
    }

    @Test func chunksArriveAsTheyAreWrittenWithThePreludeFirst() throws {
        let harness = try Harness([Harness.fixture("fxs", mode: "streaming")])
        let (_, head, body) = try Self.stream(harness, #"{"action":"stream","milliseconds":300}"#)
        #expect(head.fields["Content-Type"] == "application/vnd.awslambda.http-integration-response")
        #expect(head.fields["Trailer"] == "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body")
        let start = ContinuousClock.now
        var received: [UInt8] = []
        var firstEventAt: Duration?
        while let piece = try body.next() {
            received += piece
            if firstEventAt == nil, String(decoding: received, as: UTF8.self).contains("data: 1") {
                firstEventAt = ContinuousClock.now - start
            }
        }
        let total = ContinuousClock.now - start
        let prelude = Array(#"{"statusCode":201,"headers":{"content-type":"text/event-stream"},"cookies":["a=b"]}"#.utf8) + [UInt8](repeating: 0, count: 8)
        #expect(Array(received.prefix(prelude.count)) == prelude)
        #expect(String(decoding: received.dropFirst(prelude.count), as: UTF8.self) == "data: 1\n\ndata: 2\n\ndata: 3\n\n")
        #expect(body.trailers["Lambda-Runtime-Function-Error-Type"] == nil)
        // Relayed, not buffered: the first event is out long before the function finishes.
        #expect(try #require(firstEventAt) < total - .milliseconds(400))
    }

    @Test func aMidStreamFailureArrivesInTrailers() throws {
        let harness = try Harness([Harness.fixture("fxs", mode: "streaming")])
        let (_, head, body) = try Self.stream(harness, #"{"action":"stream-fail"}"#)
        #expect(head.status == 200)
        let text = String(decoding: try body.readAll(limit: 1 << 20), as: UTF8.self)
        #expect(text.hasSuffix("data: 1\n\ndata: 2\n\n"))
        #expect(body.trailers["Lambda-Runtime-Function-Error-Type"] == "Fixture.StreamFailure")
        let document = try #require(Data(base64Encoded: body.trailers["Lambda-Runtime-Function-Error-Body"] ?? ""))
        #expect(String(decoding: document, as: UTF8.self) == #"{"errorMessage":"failed after two chunks","errorType":"Fixture.StreamFailure"}"#)
    }

    @Test func aFailureBeforeAnyOutputIsAnErrorDocument() throws {
        let harness = try Harness([Harness.fixture("fxs", mode: "streaming")])
        let (_, head, body) = try Self.stream(harness, #"{"action":"throw"}"#)
        #expect(head.fields["X-Amz-Function-Error"] == "Unhandled")
        #expect(String(decoding: try body.readAll(limit: 1 << 20), as: UTF8.self) == #"{"errorMessage":"asked to fail","errorType":"Fixture.Failure"}"#)
        #expect(body.trailers["Lambda-Runtime-Function-Error-Type"] == "Fixture.Failure")
    }

    @Test func aBufferedInvokeOfAStreamingFunctionCollectsTheStream() throws {
        let harness = try Harness([Harness.fixture("fxs", mode: "streaming")])
        let reply = try harness.invoke("fxs", #"{"action":"echo","value":"whole"}"#)
        #expect(reply.text == "whole")
        #expect(reply.head.fields["Content-Type"] == "application/octet-stream")
    }

    @Test func aCrashMidStreamIsAnExitErrorInTrailers() throws {
        let harness = try Harness([Harness.fixture("fxs", mode: "streaming")])
        let (_, _, body) = try Self.stream(harness, #"{"action":"crash"}"#)
        _ = try body.readAll(limit: 1 << 20)
        #expect(body.trailers["Lambda-Runtime-Function-Error-Type"] == "Runtime.ExitError")
    }
}
