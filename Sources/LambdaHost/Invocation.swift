import HTTPServer

/// One request to a function: its payload in, its events out.
///
/// The consumer pulls events with `nextEvent()`, which also enforces the
/// function timeout once a process has taken the invocation.
package final class Invocation: Sendable {
    private struct State {
        var events: [InvocationEvent] = []
        var terminal = false
        /// Monotonic deadline, set when a process receives the invocation.
        var deadline: UInt64?
    }

    package let requestID: String
    package let payload: [UInt8]
    package let options: InvokeOptions
    private let state = ConditionLock(State())
    private let onTimeout: @Sendable (Invocation) -> Void

    init(requestID: String, payload: [UInt8], options: InvokeOptions, onTimeout: @escaping @Sendable (Invocation) -> Void) {
        self.requestID = requestID
        self.payload = payload
        self.options = options
        self.onTimeout = onTimeout
    }

    /// Adds an event; ignored once the invocation has ended. False when ignored.
    @discardableResult
    func emit(_ event: InvocationEvent) -> Bool {
        emit(contentsOf: [event])
    }

    /// Adds events with one wake-up of the consumer (a whole buffered response).
    @discardableResult
    func emit(contentsOf events: [InvocationEvent]) -> Bool {
        let accepted = state.withLock { state -> Bool in
            guard !state.terminal else { return false }
            for event in events where !state.terminal {
                state.events.append(event)
                state.terminal = event.isTerminal
            }
            return true
        }
        if accepted { state.signal() }
        return accepted
    }

    var isFinished: Bool { state.withLock { $0.terminal } }

    /// Starts the timeout clock.
    func deliver(deadline: UInt64) {
        state.withLock { $0.deadline = deadline }
        state.signal()
    }

    /// The next event, waiting as long as needed; past the deadline the
    /// invocation is timed out (the host kills the process and emits a failure).
    package func nextEvent() -> InvocationEvent {
        while true {
            enum Outcome { case event(InvocationEvent), deadlineChanged }
            let deadline = state.withLock { $0.deadline }
            let outcome = state.wait(until: deadline) { state -> Outcome? in
                if !state.events.isEmpty { return .event(state.events.removeFirst()) }
                if state.deadline != deadline { return .deadlineChanged }
                return nil
            }
            switch outcome {
            case .event(let event)?: return event
            case .deadlineChanged?: continue
            case nil: onTimeout(self)
            }
        }
    }
}
