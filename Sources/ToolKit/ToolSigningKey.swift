import AWSCore
import FoundationEssentials

/// The scoped-token key from Secrets Manager (`platform/{env}/gateway/scoped-token-signing-key`,
/// the request interceptor's), re-read every 5 min like the interceptor does,
/// so both sides follow a rotation within the same window.
actor ToolSigningKey {
    private let secretID: String
    private let secretsManager: SecretsManagerClient
    private let now: @Sendable () -> Date
    private var key: [UInt8]?
    private var loadedAt: Date?

    init(platformEnvironment: String, secretsManager: SecretsManagerClient, now: @escaping @Sendable () -> Date) {
        secretID = "platform/\(platformEnvironment)/gateway/scoped-token-signing-key"
        self.secretsManager = secretsManager
        self.now = now
    }

    func current() async throws(ToolRefusal) -> [UInt8] {
        let time = now()
        if let key, let loadedAt, time.timeIntervalSince(loadedAt) < 300 { return key }
        guard let value = try? await secretsManager.getSecretValue(secretID).secretString, value.utf8.count >= 32 else {
            throw .keyUnavailable
        }
        key = Array(value.utf8)
        loadedAt = time
        return Array(value.utf8)
    }
}
