/// An async job's state: `pending -> running -> completed|failed` (a pending
/// job may also fail before it starts).
public enum JobStatus: String, StrictStringEnum, Hashable {
    case pending, running, completed, failed

    /// Whether the job has ended (and its webhook event may fire).
    public var isTerminal: Bool { self == .completed || self == .failed }

    /// Whether a job in this state may move to `next`.
    public func canTransition(to next: JobStatus) -> Bool {
        switch (self, next) {
        case (.pending, .running), (.pending, .failed), (.running, .completed), (.running, .failed): true
        default: false
        }
    }
}
