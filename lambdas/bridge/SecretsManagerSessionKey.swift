import FoundationEssentials
import AWSCore

/// The runtime-session key from Secrets Manager (`platform/{env}/bridge/runtime-session-key`),
/// read once per process and kept: every derived session id depends on it, so
/// it must not change under a running session (ADR 0026). A failed read is not
/// kept, so the next invocation tries again.
struct SecretsManagerSessionKey: SessionKeySource {
    /// The secret is missing, empty or shorter than 32 bytes; its value is never shown.
    struct Unusable: Error, CustomStringConvertible {
        var secretID: String
        var description: String { "runtime session key \(secretID) is missing or shorter than 32 bytes" }
    }

    let secretID: String
    let secrets: SecretsManagerClient
    let cache = TimedCache<[UInt8]>(ttl: .infinity, now: { .distantPast })

    static func secretID(environment: String) -> String { "platform/\(environment)/bridge/runtime-session-key" }

    func key() async throws -> [UInt8] {
        try await cache.value(for: secretID) { [secretID, secrets] in
            let key = Array((try await secrets.getSecretValue(secretID).secretString ?? "").utf8)
            guard key.count >= RuntimeSessionID.minimumKeyBytes else { throw Unusable(secretID: secretID) }
            return key
        }
    }
}
