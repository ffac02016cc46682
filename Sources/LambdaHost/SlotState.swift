import HTTPServer

/// One process slot of a function: at most one bootstrap process at a time.
struct SlotState {
    enum Phase: Equatable {
        /// No process; one is started when an invocation needs it.
        case empty
        /// Spawned, has not called `next` yet.
        case initialising
        /// Called `next` (waiting or about to wait for an invocation).
        case ready
        /// Working on `current`.
        case busy
    }

    var phase = Phase.empty
    var process: ChildProcess?
    /// Bumped whenever a process ends, so threads serving the old one let go.
    var generation = 0
    var spawnedAt: UInt64 = 0
    /// Spawn to first `next`, reported on the environment's first invocation.
    var pendingInitDuration: Double?
    var current: Invocation?
    var currentStartedAt: UInt64 = 0
    /// The process's `GET /next`, parked until an invocation arrives; the
    /// submitting thread answers it directly.
    var parkedNext: DeferredResponse?
    /// Why the process is being killed, when the host killed it.
    var killReason: FunctionError?
    /// The process posted `/init/error`; its failure has been delivered.
    var initFailureDelivered = false
}
