import Dispatch
import LocalGateway

extension FunctionInvoker {
    /// The whole answer of one invocation, or `nil` when the function failed
    /// (error, timeout, not hosted): the gateway fails closed on `nil`.
    /// Pulling events blocks, so it runs on a Dispatch thread, never on the
    /// cooperative pool (two cores here: two blocked tasks would stall it).
    func answer(function: String, payload: [UInt8], limit: Int = 6 * 1024 * 1024) async -> [UInt8]? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: blockingAnswer(function: function, payload: payload, limit: limit))
            }
        }
    }

    private func blockingAnswer(function: String, payload: [UInt8], limit: Int) -> [UInt8]? {
        guard let source = try? invoke(function: function, payload: payload) else { return nil }
        var bytes: [UInt8] = []
        while true {
            switch source.next() {
            case .head: continue
            case .chunk(let chunk):
                bytes += chunk
                if bytes.count > limit { return nil }
            case .end: return bytes
            case .failure: return nil
            }
        }
    }
}
