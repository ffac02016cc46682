import Foundation

extension LocalAgentCoreConfiguration {
    /// The local stack's set-up: runtimes deployed through the control plane (moto) with
    /// their code and layer from S3, unpacked under `.local/agentcore/` and run with the
    /// repository venv's Python; the local IAM user's key verified cryptographically;
    /// agent logs in `.local/dev/`.
    package static func localStack(configPath: String, host: String, environment: [String: String]) throws -> Self {
        let repository = URL(fileURLWithPath: configPath).standardizedFileURL.deletingLastPathComponent()
            .deletingLastPathComponent()
        var secrets: [String: String] = [:]
        if let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] { secrets[key] = secret }
        let idle = environment["LOCAL_AGENTCORE_SESSION_IDLE_SECONDS"].flatMap(TimeInterval.init) ?? 15 * 60
        let regions = (environment["LOCAL_AGENTCORE_DEPLOY_REGIONS"] ?? "eu-west-1").split(separator: ",").map(String.init)
        let state = environment["LOCAL_AGENTCORE_STATE_DIR"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent(".local/agentcore")
        return LocalAgentCoreConfiguration(
            agentsDirectory: repository.appendingPathComponent("agents"),
            python: URL(fileURLWithPath: environment["LOCAL_AGENTCORE_PYTHON"]
                ?? repository.appendingPathComponent(".venv/bin/python").path),
            host: host, sessionIdleTimeout: idle, knownSecrets: secrets,
            agentLogDirectory: repository.appendingPathComponent(".local/dev"),
            deployments: try .controlPlane(environment: environment, deployRegions: regions, stateDirectory: state))
    }
}
