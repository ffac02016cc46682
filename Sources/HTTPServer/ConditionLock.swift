#if canImport(Glibc)
import Glibc
#endif

/// State guarded by a mutex, with a condition variable for threads that wait
/// for it to change (`Mutex` cannot wait).
///
/// `@unchecked Sendable`: the audited wrapper of the pthread handles. The state
/// and handles live on the heap so their addresses never move, and `State` is
/// only reached with the mutex held.
package final class ConditionLock<State>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let state = UnsafeMutablePointer<State>.allocate(capacity: 1)

    package init(_ initial: State) {
        state.initialize(to: initial)
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        state.deinitialize(count: 1)
        state.deallocate()
        mutex.deallocate()
        condition.deallocate()
    }

    package func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state.pointee)
    }

    /// Calls `body` with the lock held until it returns a value, waiting for a
    /// signal between calls; returns nil if `deadline` (monotonic ns) passes first.
    package func wait<T>(until deadline: UInt64? = nil, _ body: (inout State) -> T?) -> T? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let result = body(&state.pointee) { return result }
            if let deadline {
                if Self.monotonicNow() >= deadline { return nil }
                var spec = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
                pthread_cond_timedwait(condition, mutex, &spec)
            } else {
                pthread_cond_wait(condition, mutex)
            }
        }
    }

    package func signal() { pthread_cond_signal(condition) }

    package func broadcast() { pthread_cond_broadcast(condition) }

    /// Monotonic time in nanoseconds, the clock `wait(until:)` uses.
    package static func monotonicNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

/// Monotonic time in nanoseconds.
package func monotonicNanoseconds() -> UInt64 { ConditionLock<Void>.monotonicNow() }
