import FoundationEssentials
import LambdaEvents
import Testing
@testable import LocalGateway

@Suite struct LocalAPIGatewayStreamingTests {
    let invoke = GatewayRequest(
        method: "POST", target: "/v1/agents/echo-agent/invoke",
        headers: [("Authorization", "Bearer t1"), ("Accept", "text/event-stream")], body: Array("{}".utf8)
    )

    func run(bridge: @escaping FakeInvoker.Script) -> RecordingWriter {
        let invoker = FakeInvoker(["authoriser": FakeInvoker.json(Policies.allow()), "bridge": bridge])
        let gateway = LocalAPIGateway(routes: LocalAPIGatewayTests.routes, configuration: GatewayConfiguration(), invoker: invoker)
        let writer = RecordingWriter()
        gateway.handle(invoke, writer: writer)
        return writer
    }

    static func streamed(_ chunks: [String], failure: String? = nil) -> FakeInvoker.Script {
        { _ in
            var events: [FunctionResponseEvent] = [.head(contentType: StreamingPrelude.contentType)]
            events += chunks.map { .chunk(Array($0.utf8)) }
            events.append(failure.map { .failure(errorType: $0, payload: []) } ?? .end)
            return events
        }
    }

    static let nul8 = String(repeating: "\u{0}", count: 8)

    @Test func relaysThePreludeThenEachChunkAsItArrives() {
        // The prelude and separator are split across chunks, and body bytes share a chunk with the separator.
        let writer = run(bridge: Self.streamed([
            #"{"statusCode":200,"headers":{"Content-Type":"text/event-stream"},"#, #""cookies":["s=1"]}"# + "\u{0}\u{0}\u{0}",
            "\u{0}\u{0}\u{0}\u{0}\u{0}data: one\n\n", "data: two\n\n",
        ]))
        #expect(writer.streamed)
        #expect(writer.status == 200)
        #expect(writer.header("Content-Type") == "text/event-stream")
        #expect(writer.header("Set-Cookie") == "s=1")
        #expect(writer.chunks.map { String(decoding: $0, as: UTF8.self) } == ["data: one\n\n", "data: two\n\n"])
        #expect(writer.finished)
    }

    @Test func aFailureAfterTheHeadEndsTheStream() {
        let writer = run(bridge: Self.streamed([#"{"statusCode":200}"# + Self.nul8 + "data: x\n\n"], failure: "Runtime.ExitError"))
        #expect(writer.status == 200)
        #expect(writer.finished)
        #expect(writer.text == "data: x\n\n")
    }

    @Test func brokenOrMissingPreludesAre502AndTimeouts504() {
        #expect(run(bridge: Self.streamed(["not json" + Self.nul8])).status == 502)
        #expect(run(bridge: Self.streamed([#"{"statusCode":200}"#])).status == 502)
        #expect(run(bridge: Self.streamed([String(repeating: "x", count: 70_000)])).status == 502)
        #expect(run(bridge: Self.streamed([#"{"statusCode":200"#], failure: "Sandbox.Timedout")).status == 504)
    }

    @Test func aBufferedAnswerOnAStreamingRouteIsMappedAsAProxyResponse() {
        let writer = run(bridge: FakeInvoker.json(#"{"statusCode":202,"body":"{\"jobId\":\"j1\"}"}"#))
        #expect(!writer.streamed)
        #expect(writer.status == 202)
        #expect(writer.text == #"{"jobId":"j1"}"#)
    }
}
