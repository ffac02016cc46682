/// Why the local data plane could not serve an invocation.
enum LocalAgentCoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noAgent(String)
    case agentExited(String)
    case agentDidNotStart(String)
    case agentUnhealthy(String)
    /// The runtime is not a code (zip) deployment: containers do not run locally.
    case unsupportedArtifact(String)
    case artifactUnavailable(String, String)

    var description: String {
        switch self {
        case .noAgent(let runtime): "no agent serves runtime \(runtime)"
        case .agentExited(let agent): "agent \(agent) exited during start-up"
        case .agentDidNotStart(let agent): "agent \(agent) did not answer /ping in time"
        case .agentUnhealthy(let agent): "agent \(agent) answered /ping with an error"
        case .unsupportedArtifact(let runtime): "runtime \(runtime) is not a code deployment (S3 zip)"
        case .artifactUnavailable(let runtime, let why): "the code of runtime \(runtime) cannot be installed: \(why)"
        }
    }
}
