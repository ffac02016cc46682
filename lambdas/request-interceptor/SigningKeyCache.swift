import FoundationEssentials

/// The scoped-token signing key from Secrets Manager, re-read after its
/// lifetime (5 min) so a rotation takes effect without a deploy.
actor SigningKeyCache {
    /// The key is too short to be an HS256 secret (RFC 7518 3.2: at least 256 bits).
    struct WeakKey: Error, CustomStringConvertible {
        var description: String { "scoped-token signing key is shorter than 32 bytes" }
    }

    let secretID: String
    private let source: any SecretSource
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var key: [UInt8]?
    private var loadedAt: Date?

    init(secretID: String, source: any SecretSource, lifetime: TimeInterval = 300, now: @escaping @Sendable () -> Date) {
        self.secretID = secretID
        self.source = source
        self.lifetime = lifetime
        self.now = now
    }

    /// `platform/{env}/gateway/scoped-token-signing-key`.
    static func secretID(environment: String) -> String { "platform/\(environment)/gateway/scoped-token-signing-key" }

    func signingKey() async throws -> [UInt8] {
        let time = now()
        if let key, let loadedAt, time.timeIntervalSince(loadedAt) < lifetime { return key }
        let fetched = Array(try await source.secretString(id: secretID).utf8)
        guard fetched.count >= 32 else { throw WeakKey() }
        key = fetched
        loadedAt = time
        return fetched
    }
}
