#if canImport(Glibc)
import Glibc
#endif
import Synchronization

extension ProcessEnvironment {
    /// Sets `_X_AMZN_TRACE_ID` for the invocation (unset when there is none).
    ///
    /// glibc's `setenv` keeps every value it was ever given, so a unique trace
    /// ID per invocation leaked about 140 bytes each time: megabytes over a warm
    /// environment's life. Instead two entries of our own alternate via `putenv`
    /// (which stores the pointer): a value someone read with `getenv` stays
    /// valid and unchanged until the invocation after next.
    package static func setTraceID(_ traceID: String?) {
        traceEntries.withLock { entries in
            guard let traceID else {
                unsetenv(TraceEntries.name)
                return
            }
            putenv(entries.nextEntry(value: traceID))
        }
    }

    private static let traceEntries = Mutex(TraceEntries())
}

/// Two reusable `name=value` buffers, grown (and the smaller ones kept) when a value does not fit.
private struct TraceEntries: ~Copyable {
    static let name = "_X_AMZN_TRACE_ID"
    private var buffers: [UnsafeMutableBufferPointer<CChar>] = []
    private var current = 0

    /// Fills the buffer not in the environment now with `name=value\0`.
    mutating func nextEntry(value: String) -> UnsafeMutablePointer<CChar> {
        let size = Self.name.utf8.count + 1 + value.utf8.count + 1
        current = 1 - current
        if buffers.count < 2 { buffers = [.allocate(capacity: 256), .allocate(capacity: 256)] }
        if buffers[current].count < size {
            // The old buffer may still be referenced by an earlier getenv result: never freed.
            buffers[current] = .allocate(capacity: size * 2)
        }
        var index = 0
        for byte in Self.name.utf8 { buffers[current][index] = CChar(bitPattern: byte); index += 1 }
        buffers[current][index] = CChar(bitPattern: UInt8(ascii: "=")); index += 1
        for byte in value.utf8 { buffers[current][index] = CChar(bitPattern: byte); index += 1 }
        buffers[current][index] = 0
        return buffers[current].baseAddress!
    }
}
