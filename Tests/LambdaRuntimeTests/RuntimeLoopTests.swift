import FoundationEssentials
import HTTPWire
@testable import LambdaRuntime
import Synchronization
import Testing

struct Ping: Codable, Sendable { var name: String }
struct Pong: Codable, Sendable { var greeting: String }
struct Boom: Error {}

@Suite struct RuntimeLoopTests {
    @Test func codableHandlerRespondsWithJSONAndSetsTheTraceID() async throws {
        let transport = FakeTransport(invocations: [Fixture.invocation(body: #"{"name":"ada"}"#)])
        let traces = TraceRecorder()
        let loop = Fixture.loop(transport, LambdaHandler.codable { (ping: Ping, context: LambdaContext) in
            Pong(greeting: "hi \(ping.name) from \(context.invokedFunctionARN)")
        }, traces: traces)
        try await loop.runOnce()
        let expected = #"{"greeting":"hi ada from arn:aws:lambda:eu-west-1:1:function:f"}"#
        #expect(transport.sent == [.request(.response(requestID: "req-1", body: Array(expected.utf8)))])
        #expect(traces.ids.withLock { $0 } == ["Root=1-abc"])
    }

    @Test func thrownErrorsBecomeErrorReportsAndTheLoopGoesOn() async throws {
        let transport = FakeTransport(invocations: [
            Fixture.invocation(id: "a", body: "{}"), Fixture.invocation(id: "b", body: #"{"name":"x"}"#),
        ])
        let loop = Fixture.loop(transport, LambdaHandler.codable { (ping: Ping, _: LambdaContext) in Pong(greeting: ping.name) })
        try await loop.runOnce()
        try await loop.runOnce()
        guard case .request(let report) = transport.sent.first else { Issue.record("no report"); return }
        #expect(report.path == "/2018-06-01/runtime/invocation/a/error")
        #expect(report.headers["Lambda-Runtime-Function-Error-Type"] == "Runtime.UnmarshalError")
        #expect(transport.sent.last == .request(.response(requestID: "b", body: Array(#"{"greeting":"x"}"#.utf8))))
        await #expect(throws: RuntimeLoop.Failure.transport(.connectionClosed)) { try await loop.runOnce() }
    }

    @Test func reportsTheSwiftTypeOfOtherErrors() async throws {
        let transport = FakeTransport(invocations: [Fixture.invocation(body: "raw")])
        try await Fixture.loop(transport, LambdaHandler.raw { _, _ in throw Boom() }).runOnce()
        let error = LambdaFunctionError(errorType: "Boom", message: "Boom()")
        #expect(transport.sent == [.request(.error(requestID: "req-1", error))])
    }

    @Test func streamsChunksWithThePrelude() async throws {
        let transport = FakeTransport(invocations: [Fixture.invocation(body: "")])
        try await Fixture.loop(transport, LambdaHandler.streaming { _, writer, _ in
            try writer.writeHTTPPrelude(statusCode: 200, headers: ["content-type": "text/plain"])
            try writer.write("a")
            try writer.write("b")
        }).runOnce()
        #expect(transport.sent == [
            .streamHead(.streamingResponse(requestID: "req-1", httpIntegration: true)),
            .chunk(HTTPIntegrationPrelude.encode(statusCode: 200, headers: ["content-type": "text/plain"], cookies: [])),
            .chunk(Array("a".utf8)), .chunk(Array("b".utf8)), .streamEnd([:]),
        ])
    }

    @Test func aMidStreamFailureGoesInTrailers() async throws {
        let transport = FakeTransport(invocations: [Fixture.invocation(body: "")])
        try await Fixture.loop(transport, LambdaHandler.streaming { _, writer, _ in
            try writer.write("partial")
            throw LambdaFunctionError(errorType: "Upstream.Closed", message: "gone")
        }).runOnce()
        let document = #"{"errorMessage":"gone","errorType":"Upstream.Closed"}"#
        #expect(transport.sent.last == .streamEnd([
            "Lambda-Runtime-Function-Error-Type": "Upstream.Closed",
            "Lambda-Runtime-Function-Error-Body": Data(document.utf8).base64EncodedString(),
        ]))
    }

    @Test func aStreamThatFailsBeforeWritingPostsAnErrorReport() async throws {
        let transport = FakeTransport(invocations: [Fixture.invocation(body: "")])
        try await Fixture.loop(transport, LambdaHandler.streaming { _, writer, _ in
            try writer.writeHTTPPrelude(statusCode: 500)
            throw LambdaFunctionError(errorType: "Early", message: "no bytes yet")
        }).runOnce()
        #expect(transport.sent == [.request(.error(requestID: "req-1", LambdaFunctionError(errorType: "Early", message: "no bytes yet")))])
    }

    @Test func aPreludeAfterBodyBytesIsRefused() async throws {
        let transport = FakeTransport(invocations: [Fixture.invocation(body: "")])
        try await Fixture.loop(transport, LambdaHandler.streaming { _, writer, _ in
            try writer.write("x")
            try writer.writeHTTPPrelude(statusCode: 200)
        }).runOnce()
        guard case .streamEnd(let trailers) = transport.sent.last else { Issue.record("no end"); return }
        #expect(trailers["Lambda-Runtime-Function-Error-Type"] == "Runtime.PreludeAfterBody")
    }

    @Test func aRejectedNextStopsTheLoop() async {
        let transport = FakeTransport(invocations: [RuntimeAPIResponse(status: 410)])
        await #expect(throws: RuntimeLoop.Failure.nextRejected(status: 410)) {
            try await Fixture.loop(transport, LambdaHandler.raw { data, _ in data }).runOnce()
        }
    }

    @Test func anInvocationWithoutRequestIDStopsTheLoop() async {
        let transport = FakeTransport(invocations: [RuntimeAPIResponse(status: 200)])
        await #expect(throws: RuntimeLoop.Failure.badInvocation(.missingRequestID)) {
            try await Fixture.loop(transport, LambdaHandler.raw { data, _ in data }).runOnce()
        }
    }
}
