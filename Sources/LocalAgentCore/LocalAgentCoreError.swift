/// Why the local data plane could not serve an invocation.
enum LocalAgentCoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case noAgent(String)
    case agentExited(String)
    case agentDidNotStart(String)
    case agentUnhealthy(String)

    var description: String {
        switch self {
        case .noAgent(let runtime): "no agent directory serves runtime \(runtime)"
        case .agentExited(let agent): "agent \(agent) exited during start-up"
        case .agentDidNotStart(let agent): "agent \(agent) did not answer /ping in time"
        case .agentUnhealthy(let agent): "agent \(agent) answered /ping with an error"
        }
    }
}
