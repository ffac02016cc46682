import FoundationEssentials

/// The signing keys of the issuer, by `kid`: refreshed after their lifetime,
/// refetched early (at most once per `minimumRefetchInterval`) when a token
/// names an unknown key, and kept in use while the JWKS endpoint is down.
///
/// An actor so that concurrent validations share one fetch. Time comes from
/// the caller (the validation time), so there is one injected clock.
actor JWKSCache<Key: Sendable> {
    typealias Fetch = @Sendable () async throws(EntraAuthError) -> [String: Key]

    private let fetch: Fetch
    private let lifetime: TimeInterval
    private let minimumInterval: TimeInterval
    private var keys: [String: Key] = [:]
    private var fetchedAt: Date?
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
    func key(for kid: String, at time: Date) async throws(EntraAuthError) -> Key {
        let fresh = fetchedAt.map { time.timeIntervalSince($0) < lifetime } ?? false
        if fresh, let key = keys[kid] { return key }
        if inFlight != nil || mayFetch(at: time) {
            await refresh(at: time)
        }
        if let key = keys[kid] { return key }
        throw fetchedAt == nil ? .keySetUnavailable : .unknownKey
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
        case .success(let fetched):
            keys = fetched
            fetchedAt = time
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
