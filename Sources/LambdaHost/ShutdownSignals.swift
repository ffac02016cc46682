#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM for the local stack's long-running processes, taken
/// synchronously with `sigwait` so shutdown runs on the main thread in order.
///
/// Block them before any thread starts, so every thread inherits the mask and
/// none is interrupted; child processes get an empty mask from posix_spawn.
package struct ShutdownSignals {
    private var signals = sigset_t()

    /// Blocks SIGINT and SIGTERM (and ignores SIGPIPE) for the whole process.
    package static func block() -> ShutdownSignals {
        signal(SIGPIPE, SIG_IGN)
        var result = ShutdownSignals()
        sigemptyset(&result.signals)
        sigaddset(&result.signals, SIGINT)
        sigaddset(&result.signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &result.signals, nil)
        return result
    }

    /// Returns when SIGINT or SIGTERM arrives.
    package func wait() {
        var signals = self.signals
        var received: Int32 = 0
        sigwait(&signals, &received)
    }
}
