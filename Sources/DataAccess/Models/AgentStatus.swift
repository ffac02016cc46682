/// An agent version's release state machine:
/// `built -> deployed_staging -> integration_verified -> evaluation_passed ->
/// approved -> promoted -> rolled_back`, and `failed` from any state before
/// `promoted`. Nothing leaves `failed` or `rolled_back`.
public enum AgentStatus: String, StrictStringEnum, Hashable {
    case built
    case deployedStaging = "deployed_staging"
    case integrationVerified = "integration_verified"
    case evaluationPassed = "evaluation_passed"
    case approved
    case promoted
    case rolledBack = "rolled_back"
    case failed

    /// The one state this state advances to, if any.
    var successor: AgentStatus? {
        switch self {
        case .built: .deployedStaging
        case .deployedStaging: .integrationVerified
        case .integrationVerified: .evaluationPassed
        case .evaluationPassed: .approved
        case .approved: .promoted
        case .promoted: .rolledBack
        case .rolledBack, .failed: nil
        }
    }

    /// Whether this is a state before `promoted` (from which `failed` is allowed).
    var isPrePromotion: Bool {
        switch self {
        case .built, .deployedStaging, .integrationVerified, .evaluationPassed, .approved: true
        case .promoted, .rolledBack, .failed: false
        }
    }

    /// Only promoted versions serve invocations.
    public var isInvokable: Bool { self == .promoted }

    /// The state after moving to `next`, or ``IllegalTransition`` (an API
    /// answers 409).
    public func transition(to next: AgentStatus) throws(IllegalTransition) -> AgentStatus {
        guard next == successor || (next == .failed && isPrePromotion) else {
            throw IllegalTransition(from: self, to: next)
        }
        return next
    }
}
