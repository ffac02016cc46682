#if canImport(Glibc)
import Glibc
#endif

/// Where log and metric lines go: stdout in Lambda, a buffer in tests.
package protocol LogSink: Sendable {
    /// Writes one line; the sink adds the newline.
    func write(_ line: String)
}

/// Writes each line to stdout with one `write(2)`, so concurrent lines never interleave.
package struct StandardOutputSink: LogSink {
    package init() {}

    package func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(10)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}
