import Synchronization
@testable import BFF

/// Secrets by id; counts reads so caching can be checked.
final class FakeSecrets: SecretSource {
    struct Missing: Error {}

    private let state: Mutex<(values: [String: String], reads: Int)>

    init(_ values: [String: String]) {
        state = Mutex((values, 0))
    }

    var reads: Int { state.withLock { $0.reads } }

    func set(_ id: String, _ value: String) {
        state.withLock { $0.values[id] = value }
    }

    func secretString(id: String) async throws -> String {
        let value = state.withLock { state -> String? in
            state.reads += 1
            return state.values[id]
        }
        guard let value else { throw Missing() }
        return value
    }

    static let standard = FakeSecrets([
        "platform/test/entra/client-id": "bff-client",
        "platform/test/entra/client-secret": "s3cret-value",
    ])
}
