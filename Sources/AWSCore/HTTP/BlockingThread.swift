import Glibc

/// Runs a blocking function on a fresh, detached POSIX thread and resumes the
/// caller when it returns.
///
/// Why a thread per call and not a queue or the cooperative pool: a libcurl
/// transfer blocks its thread for the whole exchange (up to 15 minutes for a
/// streamed agent response). Doing that on Swift's cooperative pool (as many
/// threads as cores, 2 on a small Lambda) would starve every other task.
/// Creating a thread costs tens of microseconds, nothing next to a network
/// round trip, and needs no pool sizing or shutdown. Connection reuse does not
/// depend on the thread: it lives in the reused curl handles (`CurlHandlePool`).
enum BlockingThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: body()) }
        }
    }

    private final class Job {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    private static func start(_ work: @escaping () -> Void) {
        let context = Unmanaged.passRetained(Job(work)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().work()
            return nil
        }, context)
        if status != 0 {
            // No thread available (resource limit): running inline is slower but correct.
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().work()
        }
    }
}
