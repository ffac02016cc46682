import PlatformJSON
import AgentInvocation
import AWSCore
import FoundationEssentials
import PlatformAPI
import Synchronization

/// Relays the agent's SSE stream event by event: the prelude goes out with the
/// first complete event, nothing is buffered beyond the event being parsed,
/// and the agent's closing `done` event supplies output and usage.
final class StreamRelay: Sendable {
    /// The stream ended without the agent's `done` event (closed mid-stream).
    struct Incomplete: Error, Sendable, Equatable, CustomStringConvertible {
        var description: String { "the agent's stream ended before its done event" }
    }

    private struct State {
        var parser = ServerSentEventParser()
        var started = false
        var done: AgentAnswer?
    }

    private let sink: any ResponseSink
    private let headers: [String: String]
    private let state = Mutex(State())

    init(sink: any ResponseSink, sessionID: String) {
        self.sink = sink
        headers = APIResponse.standardHeaders(["Content-Type": "text/event-stream", "Cache-Control": "no-store",
                                               "X-Content-Type-Options": "nosniff", "X-Session-Id": sessionID])
    }

    /// Whether anything reached the client (after which the status is fixed).
    var hasStarted: Bool { state.withLock { $0.started } }

    /// The `done` event's answer, once seen.
    var answer: AgentAnswer? { state.withLock { $0.done } }

    /// Forgets a partial event from a failed attempt that relayed nothing.
    func resetForRetry() {
        state.withLock { state in
            precondition(!state.started, "cannot retry a stream that reached the client")
            state.parser = ServerSentEventParser()
        }
    }

    func relay(_ chunk: Data) throws {
        try state.withLock { state in
            let events = state.parser.feed(chunk)
            for event in events {
                if !state.started {
                    try sink.start(status: 200, headers: headers)
                    state.started = true
                }
                try sink.write(Array(Self.frame(event).utf8))
                if state.done == nil, let answer = Self.doneAnswer(event) { state.done = answer }
            }
        }
    }

    /// Ends a started stream with one `event: error` carrying the envelope.
    func fail(envelope: String) throws {
        try sink.write(Array("event: error\ndata: \(envelope)\n\n".utf8))
    }

    static func frame(_ event: ServerSentEventParser.Event) -> String {
        var text = event.name.map { "event: \($0)\n" } ?? ""
        for line in event.data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }

    /// `{"type":"done","output":...,"usage":{...}}`, the platform's closing event.
    static func doneAnswer(_ event: ServerSentEventParser.Event) -> AgentAnswer? {
        guard event.name == nil || event.name == "message",
              case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(event.data.utf8)),
              fields["type"] == .string("done") else { return nil }
        return AgentAnswer(output: fields["output"] ?? .null, usage: fields["usage"])
    }
}
