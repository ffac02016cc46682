import Foundation

extension LocalAgentCoreConfiguration {
    /// The local stack's set-up: agents and venv of the repository that holds
    /// `configPath` (`scripts/dev-platform.json`), the local IAM user's key
    /// verified cryptographically, agent logs in `.local/dev/`.
    package static func localStack(configPath: String, host: String, environment: [String: String]) -> Self {
        let repository = URL(fileURLWithPath: configPath).standardizedFileURL.deletingLastPathComponent()
            .deletingLastPathComponent()
        var secrets: [String: String] = [:]
        if let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] { secrets[key] = secret }
        let idle = environment["LOCAL_AGENTCORE_SESSION_IDLE_SECONDS"].flatMap(TimeInterval.init) ?? 15 * 60
        return LocalAgentCoreConfiguration(
            agentsDirectory: repository.appendingPathComponent("agents"),
            python: URL(fileURLWithPath: environment["LOCAL_AGENTCORE_PYTHON"]
                ?? repository.appendingPathComponent(".venv/bin/python").path),
            host: host, sessionIdleTimeout: idle, knownSecrets: secrets,
            agentLogDirectory: repository.appendingPathComponent(".local/dev"))
    }
}
