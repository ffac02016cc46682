import Foundation

/// How the local AgentCore Runtime data plane runs.
package struct LocalAgentCoreConfiguration: Sendable {
    /// `agents/` of the repository: runtime `echo_agent-local` is served by `agents/echo-agent`.
    package var agentsDirectory: URL
    /// The Python that has `bedrock-agentcore` (the project venv).
    package var python: URL
    package var host: String
    /// 0 picks a free port.
    package var port: Int
    /// A session unused this long is forgotten, like AgentCore's 15-minute idle timeout.
    package var sessionIdleTimeout: TimeInterval
    /// How long an agent process may take to answer `/ping` after it starts.
    package var agentStartTimeout: TimeInterval
    /// Secrets of access keys whose signatures are verified cryptographically
    /// (e.g. the local IAM user); other keys get the structural checks only.
    package var knownSecrets: [String: String]
    /// Where agent process output goes (nil: discarded).
    package var agentLogDirectory: URL?
    /// Deployed runtimes (the local stack); nil serves `agentsDirectory` by runtime name.
    package var deployments: Deployments?

    /// Runtimes come from the control plane and their code from S3, unpacked under `stateDirectory`.
    package struct Deployments: Sendable {
        let source: any RuntimeArtifactSource
        package var stateDirectory: URL

        package static func controlPlane(environment: [String: String], deployRegions: [String],
                                         stateDirectory: URL) throws -> Deployments {
            Deployments(source: try ControlPlaneArtifactSource(environment: environment, deployRegions: deployRegions),
                        stateDirectory: stateDirectory)
        }

        init(source: any RuntimeArtifactSource, stateDirectory: URL) {
            self.source = source
            self.stateDirectory = stateDirectory
        }
    }

    package init(agentsDirectory: URL, python: URL, host: String = "127.0.0.1", port: Int = 0,
                 sessionIdleTimeout: TimeInterval = 15 * 60, agentStartTimeout: TimeInterval = 30,
                 knownSecrets: [String: String] = [:], agentLogDirectory: URL? = nil, deployments: Deployments? = nil) {
        self.agentsDirectory = agentsDirectory
        self.python = python
        self.host = host
        self.port = port
        self.sessionIdleTimeout = sessionIdleTimeout
        self.agentStartTimeout = agentStartTimeout
        self.knownSecrets = knownSecrets
        self.agentLogDirectory = agentLogDirectory
        self.deployments = deployments
    }
}
