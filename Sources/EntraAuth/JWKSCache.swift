import FoundationEssentials
import Synchronization

/// The signing keys of the issuer, by `kid`: refreshed after their lifetime,
/// refetched early (at most once per `minimumRefetchInterval`) when a token
/// names an unknown key, and kept in use while the JWKS endpoint is down.
///
/// An actor so that concurrent validations share one fetch; a fresh key is
/// read under a lock without entering it, since an actor hop per token costs
/// more than the rest of the lookup. Time comes from the caller (the
/// validation time), so there is one injected clock.
actor JWKSCache<Key: Sendable> {
    typealias Fetch = @Sendable () async throws(EntraAuthError) -> [String: Key]

    private let fetch: Fetch
    private let lifetime: TimeInterval
    private let minimumInterval: TimeInterval
    /// The last fetched set and when its fetch started; written only by the actor.
    private let fetched = Mutex<(keys: [String: Key], at: Date?)>(([:], nil))
    private var lastAttempt: Date?
    private var inFlight: Task<Void, Never>?
    /// Fetches that failed since start-up (an operator metric).
    private(set) var failedFetches = 0

    init(lifetime: Duration, minimumInterval: Duration, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.lifetime = lifetime.timeInterval
        self.minimumInterval = minimumInterval.timeInterval
    }

    /// The key named `kid` at `time`.
    nonisolated func key(for kid: String, at time: Date) async throws(EntraAuthError) -> Key {
        if let key = freshKey(for: kid, at: time) { return key }
        return try await refreshedKey(for: kid, at: time)
    }

    /// The cached key when its set is within its lifetime.
    private nonisolated func freshKey(for kid: String, at time: Date) -> Key? {
        fetched.withLock { fetched in
            guard let at = fetched.at, time.timeIntervalSince(at) < lifetime else { return nil }
            return fetched.keys[kid]
        }
    }

    private func refreshedKey(for kid: String, at time: Date) async throws(EntraAuthError) -> Key {
        // Another caller may have refreshed the set while this one waited for the actor.
        if let key = freshKey(for: kid, at: time) { return key }
        if inFlight != nil || mayFetch(at: time) {
            await refresh(at: time)
        }
        let (keys, at) = fetched.withLock { ($0.keys, $0.at) }
        if let key = keys[kid] { return key }
        throw at == nil ? .keySetUnavailable : .unknownKey
    }

    private func mayFetch(at time: Date) -> Bool {
        lastAttempt.map { time.timeIntervalSince($0) >= minimumInterval } ?? true
    }

    private func refresh(at time: Date) async {
        if let inFlight {
            await inFlight.value
            return
        }
        lastAttempt = time
        let fetch = fetch
        // The task stores its result before it completes, so every waiter sees it.
        let task = Task {
            do throws(EntraAuthError) {
                store(.success(try await fetch()), at: time)
            } catch {
                store(.failure(error), at: time)
            }
        }
        inFlight = task
        await task.value
    }

    /// A fetched set counts from when its fetch started.
    private func store(_ result: Result<[String: Key], EntraAuthError>, at time: Date) {
        inFlight = nil
        switch result {
        case .success(let keys):
            fetched.withLock { $0 = (keys, time) }
        case .failure:
            // Keep serving the keys we have: a JWKS outage must not log everyone out.
            failedFetches += 1
        }
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
