import FoundationEssentials
import HTTPServer
import HTTPWire

/// Hosts one function like Lambda: a process per concurrency slot, each with
/// its own Runtime API address, started on demand and restarted after it ends.
package final class FunctionHost: Sendable {
    struct State {
        var slots: [SlotState]
        var servers: [HTTPServer] = []
        var pending: [Invocation] = []
        var stopped = false
        /// Every process's spawn-to-first-`next` time, in milliseconds.
        var initDurations: [Double] = []
    }

    package let configuration: FunctionConfiguration
    let region: String
    /// What `Lambda-Runtime-Invoked-Function-Arn` carries.
    let functionARN: String
    let identifiers = InvocationIdentifiers()
    let hostEnvironment: [String: String]
    let log: (@Sendable (String) -> Void)?
    let state: ConditionLock<State>
    /// Lambda's limit for a buffered response (6 MB plus 100 bytes).
    package static let responseLimit = 6_291_556

    init(
        configuration: FunctionConfiguration, region: String, hostEnvironment: [String: String],
        log: (@Sendable (String) -> Void)?
    ) throws(HTTPWireError) {
        self.configuration = configuration
        self.region = region
        functionARN = "arn:aws:lambda:\(region):000000000000:function:\(configuration.name)"
        self.hostEnvironment = hostEnvironment
        self.log = log
        state = ConditionLock(State(slots: Array(repeating: SlotState(), count: configuration.concurrency)))
        var servers: [HTTPServer] = []
        for index in 0..<configuration.concurrency {
            servers.append(try HTTPServer(handler: runtimeAPIRouter(slot: index).handler))
        }
        state.withLock { $0.servers = servers }
        // Holds the host only while it waits, at most one timeout at a time.
        DetachedThread.start { [weak self] in
            while let host = self, host.watchTimeouts() {}
        }
    }

    /// The Runtime API address of each slot (what its process gets as `AWS_LAMBDA_RUNTIME_API`).
    package var runtimeAPIAddresses: [String] { state.withLock { $0.servers.map(\.address) } }

    /// Queues an invocation, starting a process if no slot is free to take it.
    /// A process already waiting in `GET /next` gets it straight from this thread.
    func submit(payload: [UInt8], options: InvokeOptions) throws(InvokeError) -> Invocation {
        let invocation = Invocation(requestID: identifiers.requestID(), payload: payload, options: options)
        enum Outcome { case stopped, queued, handedOff(slot: Int, DeferredResponse, Invocation) }
        let outcome = state.withLock { state -> Outcome in
            guard !state.stopped else { return .stopped }
            state.pending.append(invocation)
            if let index = state.slots.firstIndex(where: { $0.parkedNext != nil }),
               let parked = state.slots[index].parkedNext, let taken = takePending(slot: index, &state) {
                state.slots[index].parkedNext = nil
                return .handedOff(slot: index, parked, taken)
            }
            startProcesses(&state)
            return .queued
        }
        switch outcome {
        case .stopped: throw .stopped
        case .queued: break
        case .handedOff(let index, let parked, let taken):
            parked.respond { writer throws(HTTPWireError) in try sendNext(taken, slot: index, writer) }
        }
        return invocation
    }

    /// Gives the oldest pending invocation to a slot that called `next`; its timeout runs from now.
    func takePending(slot index: Int, _ state: inout State) -> Invocation? {
        guard !state.pending.isEmpty else { return nil }
        let invocation = state.pending.removeFirst()
        state.slots[index].phase = .busy
        state.slots[index].current = invocation
        state.slots[index].currentStartedAt = monotonicNanoseconds()
        return invocation
    }

    /// Kills every process, fails what is queued or running, and closes the Runtime API servers.
    package func stop() {
        let (processes, servers, parked) = state.withLock { state in
            state.stopped = true
            for invocation in state.pending { invocation.emit(.failure(Self.stoppedError)) }
            state.pending.removeAll()
            for slot in state.slots { slot.current?.emit(.failure(Self.stoppedError)) }
            let parked = state.slots.compactMap(\.parkedNext)
            for index in state.slots.indices { state.slots[index].parkedNext = nil }
            return (state.slots.compactMap(\.process), state.servers, parked)
        }
        state.broadcast()
        for next in parked { next.respond { writer throws(HTTPWireError) in try Self.gone(writer) } }
        for process in processes { process.kill() }
        for server in servers { server.stop() }
    }

    /// Spawn-to-first-`next` durations (ms) of every process started so far.
    package var initDurations: [Double] { state.withLock { $0.initDurations } }

    /// Peak RSS (kB) of each live process.
    package var peakMemoryKilobytes: [Int] {
        state.withLock { $0.slots.compactMap { $0.process?.peakMemoryKilobytes() } }
    }

    /// Kills idle processes so the next invocation starts cold, like Lambda
    /// recycling an execution environment; waits until their slots are empty.
    package func recycle() {
        let processes = state.withLock { state in
            state.slots.filter { $0.current == nil }.compactMap(\.process)
        }
        for process in processes { process.kill() }
        _ = state.wait { state -> Bool? in
            state.slots.allSatisfy { $0.process.map { p in !processes.contains { $0.pid == p.pid } } ?? true } ? true : nil
        }
    }

    static let stoppedError = FunctionError(errorType: "Runtime.HostStopped", message: "the Lambda host stopped")

    /// Starts processes in empty slots while invocations outnumber the slots able to take them.
    func startProcesses(_ state: inout State) {
        while !state.stopped {
            let able = state.slots.filter { $0.phase == .initialising || $0.phase == .ready }.count
            guard state.pending.count > able, let index = state.slots.firstIndex(where: { $0.phase == .empty }) else {
                return
            }
            spawn(slot: index, &state)
        }
    }

    private func spawn(slot index: Int, _ state: inout State) {
        let environment = FunctionEnvironment.make(
            configuration: configuration, runtimeAPI: state.servers[index].address, region: region, host: hostEnvironment
        )
        // Timed from before exec: cold start as the Lambda service would see it.
        let spawnStarted = monotonicNanoseconds()
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                executable: configuration.bootstrap, environment: environment,
                workingDirectory: FunctionEnvironment.directory(of: configuration.bootstrap),
                launcher: configuration.launcher
            )
        } catch {
            let invocation = state.pending.removeFirst()
            invocation.emit(.failure(FunctionError(
                errorType: "Runtime.InvalidEntrypoint",
                message: "RequestId: \(invocation.requestID) Error: could not start \(configuration.bootstrap) (errno \(error.errno))"
            )))
            return
        }
        var slot = SlotState()
        slot.generation = state.slots[index].generation
        slot.phase = .initialising
        slot.process = process
        slot.spawnedAt = spawnStarted
        state.slots[index] = slot
        let generation = slot.generation
        DetachedThread.start { [weak self] in
            let status = process.wait()
            self?.processExited(slot: index, generation: generation, status: status)
        }
        DetachedThread.start { [weak self] in self?.watchInitialisation(slot: index, generation: generation) }
    }

    /// Kills a process that has not called `next` within the init timeout.
    private func watchInitialisation(slot index: Int, generation: Int) {
        let deadline = state.withLock { $0.slots[index].spawnedAt } + UInt64(configuration.initTimeout * 1e9)
        let settled = state.wait(until: deadline) { state -> Bool? in
            state.slots[index].generation != generation || state.slots[index].phase != .initialising ? true : nil
        }
        guard settled == nil else { return }
        state.withLock { state in
            guard state.slots[index].generation == generation, state.slots[index].phase == .initialising else { return }
            let seconds = ReportLine.fixed2(configuration.initTimeout)
            state.slots[index].killReason = FunctionError(
                errorType: "Runtime.InitTimeout", message: "bootstrap did not call next within \(seconds) seconds"
            )
            log?("INIT_REPORT Init Duration: \(seconds)000 ms\tPhase: init\tStatus: timeout")
            state.slots[index].process?.kill()
        }
    }

    /// A process ended: fail what it was doing, reset the slot, start another if work is queued.
    private func processExited(slot index: Int, generation: Int, status: ChildProcess.ExitStatus) {
        let ended: (HTTPServer, DeferredResponse?)? = state.withLock { state in
            guard state.slots[index].generation == generation else { return nil }
            let slot = state.slots[index]
            var reset = SlotState()
            reset.generation = generation + 1
            state.slots[index] = reset
            func exitError(_ requestID: String) -> FunctionError {
                slot.killReason ?? FunctionError(
                    errorType: "Runtime.ExitError",
                    message: "RequestId: \(requestID) Error: Runtime exited with error: \(status)"
                )
            }
            if let invocation = slot.current {
                report(invocation, slot: slot, status: "error\tError Type: Runtime.ExitError")
                invocation.emit(.failure(exitError(invocation.requestID)))
            } else if slot.phase == .initialising, !slot.initFailureDelivered, !state.pending.isEmpty {
                let invocation = state.pending.removeFirst()
                invocation.emit(.failure(exitError(invocation.requestID)))
            }
            startProcesses(&state)
            return (state.servers[index], slot.parkedNext)
        }
        state.broadcast()
        guard let (server, parked) = ended else { return }
        parked?.respond { writer throws(HTTPWireError) in try Self.gone(writer) }
        server.closeConnections()
    }

    /// Times out invocations whose deadline passed, then sleeps until the next
    /// deadline. Nothing wakes it when an invocation starts: it never sleeps
    /// longer than one timeout, and a deadline set meanwhile is later than that.
    /// False once the host stopped.
    private func watchTimeouts() -> Bool {
        let timeout = UInt64(configuration.timeout * 1e9)
        enum Check { case stopped, expired([Invocation]), sleep(until: UInt64) }
        let check = state.withLock { state -> Check in
            guard !state.stopped else { return .stopped }
            let now = monotonicNanoseconds()
            var expired: [Invocation] = []
            var earliest = now + timeout
            for slot in state.slots where slot.phase == .busy {
                guard let current = slot.current else { continue }
                let deadline = slot.currentStartedAt + timeout
                if deadline <= now { expired.append(current) } else { earliest = min(earliest, deadline) }
            }
            return expired.isEmpty ? .sleep(until: earliest) : .expired(expired)
        }
        switch check {
        case .stopped:
            return false
        case .expired(let invocations):
            for invocation in invocations { timeOut(invocation) }
        case .sleep(let deadline):
            _ = state.wait(until: deadline) { $0.stopped ? true : nil }
        }
        return true
    }

    /// The deadline passed: kill the process and fail the invocation.
    func timeOut(_ invocation: Invocation) {
        let seconds = ReportLine.fixed2(configuration.timeout)
        let message = "\(Date.now.formatted(.iso8601)) \(invocation.requestID) Task timed out after \(seconds) seconds"
        let error = FunctionError(errorType: "Sandbox.Timedout", message: message)
        let wasCurrent = state.withLock { state -> Bool in
            // It may have completed since the watcher looked: then its result stands.
            guard let index = state.slots.firstIndex(where: { $0.current === invocation }) else { return false }
            report(invocation, slot: state.slots[index], status: "timeout")
            state.slots[index].current = nil
            state.slots[index].killReason = error
            state.slots[index].process?.kill()
            return true
        }
        if wasCurrent { invocation.emit(.failure(error)) }
    }

    /// Ends the slot's current invocation after the runtime reported its result.
    func complete(slot index: Int, _ invocation: Invocation, status: String? = nil) {
        state.withLock { state in
            guard state.slots[index].current === invocation else { return }
            report(invocation, slot: state.slots[index], status: status)
            state.slots[index].current = nil
            state.slots[index].phase = .ready
            state.slots[index].pendingInitDuration = nil
        }
    }

    private func report(_ invocation: Invocation, slot: SlotState, status: String?) {
        guard let log else { return }
        let duration = Double(monotonicNanoseconds() - slot.currentStartedAt) / 1e6
        let peak = slot.process?.peakMemoryKilobytes() ?? 0
        log(ReportLine.end(requestID: invocation.requestID))
        log(ReportLine.report(
            requestID: invocation.requestID, durationMilliseconds: duration, memorySize: configuration.memorySize,
            maxMemoryUsedMB: (peak + 1023) / 1024, initDurationMilliseconds: slot.pendingInitDuration, status: status
        ))
    }
}
