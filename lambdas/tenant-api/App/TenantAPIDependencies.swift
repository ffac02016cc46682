import FoundationEssentials

/// Everything the handlers touch outside their own memory: stores, AWS
/// services, time, identifiers and randomness, all injectable for tests.
struct TenantAPIDependencies: Sendable {
    var configuration: TenantAPIConfiguration
    var stores: StoreProvider
    var events: any EventPublishing
    var secrets: any SecretStoring
    var memory: any MemoryProvisioning
    var parameters: any ParameterStoring
    var objects: any ObjectStoring
    var quotas: any QuotaReading
    var now: @Sendable () -> Date = { Date() }
    var newID: @Sendable () -> UUID = { UUID() }
    /// Cryptographically secure random bytes (the system generator by default).
    var randomBytes: @Sendable (Int) -> [UInt8] = { count in
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
    /// One structured log line (JSON) per call; never given secrets or payloads.
    var log: @Sendable (_ level: String, _ message: String, _ fields: [String: String]) -> Void = { _, _, _ in }
}
