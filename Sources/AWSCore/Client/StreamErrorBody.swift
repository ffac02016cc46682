import FoundationEssentials
import Synchronization

/// Collects the body of a streamed response whose status is not 2xx, so it can
/// be parsed as an AWS error instead of being relayed (first 64 KiB only).
final class StreamErrorBody: Sendable {
    private let state = Mutex<(isError: Bool, data: Data)>((false, Data()))
    private static let limit = 64 << 10

    func begin(status: Int) {
        state.withLock { $0.isError = !(200..<300).contains(status) }
    }

    /// True when the chunk belongs to an error body (and was kept, up to the limit).
    func collect(_ chunk: Data) -> Bool {
        state.withLock { state in
            guard state.isError else { return false }
            if state.data.count < Self.limit { state.data.append(chunk.prefix(Self.limit - state.data.count)) }
            return true
        }
    }

    var data: Data { state.withLock { $0.data } }
}
