import AWSCore
import DataAccess

/// `AgentSummary` / `AgentDetail` (docs/openapi.yaml): the detail fields are nil in summaries.
struct AgentView: Encodable, Sendable, Equatable {
    var agentName: String
    var version: String
    var tierMinimum: String
    var invocationMode: String
    var streamingEnabled: Bool
    var estimatedDurationSeconds: Int?
    var deployedAt: String?
    var approvedAt: String?
    var releaseNotes: String?
    var evaluationScore: Double?

    static func summary(_ agent: AgentVersion) -> AgentView {
        AgentView(agentName: agent.agentName.rawValue, version: agent.version.rawValue,
                  tierMinimum: agent.tierMinimum.rawValue, invocationMode: agent.invocationMode.rawValue,
                  streamingEnabled: agent.streamingEnabled, estimatedDurationSeconds: agent.estimatedDurationSeconds)
    }

    static func detail(_ agent: AgentVersion) -> AgentView {
        var view = summary(agent)
        view.deployedAt = agent.deployedAt.map(DynamoDBItemTimestamp.string(from:))
        view.approvedAt = agent.approvedAt.map(DynamoDBItemTimestamp.string(from:))
        view.releaseNotes = agent.releaseNotes
        view.evaluationScore = agent.evaluationScore
        return view
    }
}
