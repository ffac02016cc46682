import AWSCore
import DataAccess

/// A registry entry as the API shows it (`AgentVersion` in docs/openapi.yaml).
struct AgentVersionBody: Encodable, Sendable, Equatable {
    var agentName: String
    var version: String
    var status: String
    var ownerTeam: String
    var tierMinimum: String
    var invocationMode: String
    var streamingEnabled: Bool
    var layerHash: String?
    var layerS3Key: String?
    var scriptS3Key: String?
    var runtimeArn: String?
    var deployedAt: String?
    var estimatedDurationSeconds: Int?
    var approvedBy: String?
    var approvedAt: String?
    var releaseNotes: String?
    var evaluationScore: Double?
    var rolledBackBy: String?
    var rolledBackAt: String?

    init(_ record: AgentVersion) {
        agentName = record.agentName.rawValue
        version = record.version.rawValue
        status = record.status.rawValue
        ownerTeam = record.ownerTeam
        tierMinimum = record.tierMinimum.rawValue
        invocationMode = record.invocationMode.rawValue
        streamingEnabled = record.streamingEnabled
        layerHash = record.layerHash
        layerS3Key = record.layerS3Key
        scriptS3Key = record.scriptS3Key
        runtimeArn = record.runtimeARN
        deployedAt = record.deployedAt.map(DynamoDBItemTimestamp.string(from:))
        estimatedDurationSeconds = record.estimatedDurationSeconds
        approvedBy = record.approvedBy
        approvedAt = record.approvedAt.map(DynamoDBItemTimestamp.string(from:))
        releaseNotes = record.releaseNotes
        evaluationScore = record.evaluationScore
        rolledBackBy = record.rolledBackBy
        rolledBackAt = record.rolledBackAt.map(DynamoDBItemTimestamp.string(from:))
    }
}
