import LambdaRuntime
import Synchronization

/// Collects EMF and log lines instead of writing them to stdout.
final class CapturingSink: LogSink {
    private let captured = Mutex<[String]>([])

    var lines: [String] { captured.withLock { $0 } }

    func write(_ line: String) {
        captured.withLock { $0.append(line) }
    }
}
