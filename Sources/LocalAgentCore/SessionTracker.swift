import Foundation
import Synchronization

/// Runtime sessions by id, forgotten after the idle timeout unless the agent
/// reports `HealthyBusy` (an async task keeps a session alive).
final class SessionTracker: Sendable {
    private struct Session { var runtimeARN: String; var lastActivity: Date }

    private let idleTimeout: TimeInterval
    private let now: @Sendable () -> Date
    private let sessions = Mutex<[String: Session]>([:])

    init(idleTimeout: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.now = now
    }

    /// Records activity; true when the session is new (or had expired).
    @discardableResult
    func touch(_ sessionID: String, runtimeARN: String) -> Bool {
        let now = now()
        return sessions.withLock { sessions in
            let isNew = sessions[sessionID].map { now.timeIntervalSince($0.lastActivity) > idleTimeout } ?? true
            sessions[sessionID] = Session(runtimeARN: runtimeARN, lastActivity: now)
            return isNew
        }
    }

    /// Drops idle sessions; `busy` runtimes keep theirs. Returns how many were dropped.
    @discardableResult
    func expire(busyRuntimes: Set<String>) -> Int {
        let now = now()
        return sessions.withLock { sessions in
            let idle = sessions.filter {
                now.timeIntervalSince($0.value.lastActivity) > idleTimeout && !busyRuntimes.contains($0.value.runtimeARN)
            }
            for id in idle.keys { sessions[id] = nil }
            return idle.count
        }
    }

    var count: Int { sessions.withLock { $0.count } }

    /// Runtimes that still have live sessions.
    var activeRuntimes: Set<String> { sessions.withLock { Set($0.values.map(\.runtimeARN)) } }
}
