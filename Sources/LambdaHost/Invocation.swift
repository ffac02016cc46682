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
    /// The function timeout: no deadline can come sooner than this from now.
    private let timeoutNanoseconds: UInt64
    private let onTimeout: @Sendable (Invocation) -> Void

    init(
        requestID: String, payload: [UInt8], options: InvokeOptions, timeout: Double,
        onTimeout: @escaping @Sendable (Invocation) -> Void
    ) {
        self.requestID = requestID
        self.payload = payload
        self.options = options
        timeoutNanoseconds = UInt64(max(timeout, 0.001) * 1e9)
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

    /// Starts the timeout clock. The consumer is not woken for it: it waits at
    /// most one timeout at a time, and a deadline set now is later than that.
    func deliver(deadline: UInt64) {
        state.withLock { $0.deadline = deadline }
    }

    /// The next event, waiting as long as needed; past the deadline the
    /// invocation is timed out (the host kills the process and emits a failure).
    package func nextEvent() -> InvocationEvent {
        while true {
            enum Outcome { case event(InvocationEvent), deadlineChanged }
            let deadline = state.withLock { $0.deadline }
            // Still queued: look again after one timeout, by when any deadline set meanwhile is due at the earliest.
            let wakeAt = deadline ?? monotonicNanoseconds() + timeoutNanoseconds
            let outcome = state.wait(until: wakeAt) { state -> Outcome? in
                if !state.events.isEmpty { return .event(state.events.removeFirst()) }
                if state.deadline != deadline { return .deadlineChanged }
                return nil
            }
            switch outcome {
            case .event(let event)?: return event
            case .deadlineChanged?: continue
            case nil: if deadline != nil { onTimeout(self) }
            }
        }
    }
}
