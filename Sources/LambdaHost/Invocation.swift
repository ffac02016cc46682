import HTTPServer

/// One request to a function: its payload in, its events out.
///
/// A consumer either pulls events with `nextEvent()` (streaming), or hands
/// over a completion with `collect(limit:then:)` (buffered), which the thread
/// that ends the invocation calls, so nobody waits and nobody is woken to
/// relay the result. The host's timeout watcher enforces the function timeout.
package final class Invocation: Sendable {
    private struct State {
        var events: [InvocationEvent] = []
        var terminal = false
        /// Set by `collect(limit:then:)`: events fold into a result instead of queueing.
        var collector: Collector?
    }

    private struct Collector {
        var result: InvocationResult
        let limit: Int
        let completion: @Sendable (InvocationResult) -> Void
    }

    package let requestID: String
    package let payload: [UInt8]
    package let options: InvokeOptions
    private let state = ConditionLock(State())

    init(requestID: String, payload: [UInt8], options: InvokeOptions) {
        self.requestID = requestID
        self.payload = payload
        self.options = options
    }

    /// Adds an event; ignored once the invocation has ended. False when ignored.
    @discardableResult
    func emit(_ event: InvocationEvent) -> Bool {
        emit(contentsOf: [event])
    }

    /// Adds events with one wake-up of the consumer (a whole buffered response).
    @discardableResult
    func emit(contentsOf events: [InvocationEvent]) -> Bool {
        let (accepted, finished) = state.withLock { state -> (Bool, Collector?) in
            guard !state.terminal else { return (false, nil) }
            for event in events where !state.terminal {
                state.terminal = event.isTerminal
                if state.collector != nil {
                    state.collector!.result.absorb(event, limit: state.collector!.limit)
                } else {
                    state.events.append(event)
                }
            }
            guard state.terminal, let collector = state.collector else { return (true, nil) }
            state.collector = nil
            return (true, collector)
        }
        if let finished {
            finished.completion(finished.result)
        } else if accepted {
            state.signal()
        }
        return accepted
    }

    var isFinished: Bool { state.withLock { $0.terminal } }

    /// The next event, waiting as long as needed. Not after `collect(limit:then:)`.
    package func nextEvent() -> InvocationEvent {
        state.wait { state in state.events.isEmpty ? nil : state.events.removeFirst() }!
    }

    /// Buffers the response up to `limit` bytes and calls `completion` with it
    /// once the invocation ends, on the thread that ends it (or on this one, if
    /// it already has). Instead of `nextEvent()`, never with it.
    func collect(limit: Int, then completion: @escaping @Sendable (InvocationResult) -> Void) {
        let finished = state.withLock { state -> InvocationResult? in
            var result = InvocationResult(requestID: requestID, payload: [], contentType: nil, error: nil)
            for event in state.events { result.absorb(event, limit: limit) }
            state.events.removeAll()
            guard !state.terminal else { return result }
            state.collector = Collector(result: result, limit: limit, completion: completion)
            return nil
        }
        if let finished { completion(finished) }
    }
}
