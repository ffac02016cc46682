/// A release-state change the agent state machine does not allow (HTTP 409).
public struct IllegalTransition: Error, Sendable, Equatable {
    public static let code = "ILLEGAL_TRANSITION"
    public let from: AgentStatus
    public let to: AgentStatus

    public var message: String {
        "an agent version cannot move from \(from.rawValue) to \(to.rawValue)"
    }
}
