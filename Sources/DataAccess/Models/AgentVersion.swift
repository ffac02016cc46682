import FoundationEssentials

/// One registered version of an agent (`AGENT#{name}` / `VERSION#{semver}`).
public struct AgentVersion: TableRecord, Equatable {
    public var agentName: AgentName
    public var version: SemanticVersion
    public var status: AgentStatus
    public var ownerTeam: String
    public var tierMinimum: Tier
    public var invocationMode: InvocationMode
    public var streamingEnabled: Bool
    public var layerHash: String?
    public var layerS3Key: String?
    public var scriptS3Key: String?
    public var runtimeARN: String?
    public var deployedAt: Date?
    public var estimatedDurationSeconds: Int?
    public var approvedBy: String?
    public var approvedAt: Date?
    public var releaseNotes: String?
    public var evaluationScore: Double?
    public var rolledBackBy: String?
    public var rolledBackAt: Date?

    enum CodingKeys: String, CodingKey {
        case agentName, version, status, ownerTeam, tierMinimum, invocationMode, streamingEnabled, layerHash
        case layerS3Key, scriptS3Key, runtimeARN = "runtimeArn", deployedAt, estimatedDurationSeconds
        case approvedBy, approvedAt, releaseNotes, evaluationScore, rolledBackBy, rolledBackAt
    }

    /// A freshly registered version, status `built`.
    public init(agentName: AgentName, version: SemanticVersion, ownerTeam: String, tierMinimum: Tier,
                invocationMode: InvocationMode, streamingEnabled: Bool) {
        self.agentName = agentName
        self.version = version
        status = .built
        self.ownerTeam = ownerTeam
        self.tierMinimum = tierMinimum
        self.invocationMode = invocationMode
        self.streamingEnabled = streamingEnabled
    }

    public var key: TableKey { .agentVersion(agentName, version) }

    /// The version moved to `next`, stamping who approved or rolled it back.
    public func transitioned(to next: AgentStatus, by actor: String, now: Date) throws(IllegalTransition) -> AgentVersion {
        var version = self
        version.status = try status.transition(to: next)
        if next == .approved {
            version.approvedBy = actor
            version.approvedAt = now
        }
        if next == .rolledBack {
            version.rolledBackBy = actor
            version.rolledBackAt = now
        }
        return version
    }

    /// The newest promoted version by semantic-version order (pre-releases
    /// rank below their release), or `nil` when none is invokable.
    public static func newestInvokable(_ versions: [AgentVersion]) -> AgentVersion? {
        versions.filter(\.status.isInvokable).max { $0.version < $1.version }
    }
}
