import Synchronization

/// Derived signing keys, per secret + date + region + service.
///
/// Deriving costs four HMACs; a key is valid for a whole UTC day, so a
/// process signs with the same few keys all day. Bounded: when full it is
/// simply emptied (keys are cheap to rederive and the working set is tiny).
final class SigV4SigningKeyCache: Sendable {
    static let shared = SigV4SigningKeyCache(capacity: 128)

    private struct Key: Hashable {
        let secret: String
        let dateStamp: Substring
        let region: String
        let service: String
    }

    private struct State {
        /// The last key used: one signer signs with one key all day, and
        /// comparing against it is cheaper than hashing four strings.
        var recent: (key: Key, signingKey: SigV4SigningKey)?
        var keys: [Key: SigV4SigningKey] = [:]
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    func signingKey(secret: String, dateStamp: Substring, region: String, service: String) -> SigV4SigningKey {
        let key = Key(secret: secret, dateStamp: dateStamp, region: region, service: service)
        let cached = state.withLock { state -> SigV4SigningKey? in
            if let recent = state.recent, recent.key == key { return recent.signingKey }
            guard let cached = state.keys[key] else { return nil }
            state.recent = (key, cached)
            return cached
        }
        if let cached { return cached }
        let derived = SigV4SigningKey(secret: secret, dateStamp: dateStamp, region: region, service: service)
        state.withLock { state in
            if state.keys.count >= capacity { state.keys.removeAll(keepingCapacity: true) }
            state.keys[key] = derived
            state.recent = (key, derived)
        }
        return derived
    }

    var count: Int { state.withLock { $0.keys.count } }
}
