import Synchronization

/// Idle curl easy handles kept for reuse: each keeps its open connections,
/// DNS cache and TLS sessions, so the next request to the same host skips the
/// TCP and TLS handshakes.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[CurlEasyHandle]>([])
    private let maxIdle: Int

    init(maxIdle: Int) { self.maxIdle = maxIdle }

    /// An idle handle, or a new one; nil only when libcurl cannot make one.
    func checkOut() -> CurlEasyHandle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return CurlEasyHandle()
    }

    func checkIn(_ handle: CurlEasyHandle) {
        idle.withLock { handles in
            if handles.count < maxIdle { handles.append(handle) }
        }
    }

    var idleCount: Int { idle.withLock { $0.count } }
}
