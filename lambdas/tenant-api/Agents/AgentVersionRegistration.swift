import DataAccess
import FoundationEssentials
import PlatformAPI

/// The body of `POST /v1/platform/agents`, as sent (every field optional so
/// that all problems are reported together).
struct AgentVersionRegistration: Decodable, Sendable {
    static let fields: Set<String> = [
        "agentName", "version", "ownerTeam", "tierMinimum", "invocationMode", "streamingEnabled",
        "estimatedDurationSeconds", "layerHash", "layerS3Key", "scriptS3Key", "runtimeArn", "releaseNotes",
    ]
    /// The longest an async agent may run (AgentCore's limit), in seconds.
    static let maxDurationSeconds = 8 * 3600

    var agentName: String?
    var version: String?
    var ownerTeam: String?
    var tierMinimum: String?
    var invocationMode: String?
    var streamingEnabled: Bool?
    var estimatedDurationSeconds: Int?
    var layerHash: String?
    var layerS3Key: String?
    var scriptS3Key: String?
    var runtimeArn: String?
    var releaseNotes: String?

    /// A new `built` version deployed at `now`, or 400 with every problem.
    func validated(now: Date) throws(APIError) -> AgentVersion {
        var rules = AgentFieldRules()
        let name = rules.parse("agentName", agentName, required: true) { try AgentName(validating: $0) }
        let semver = rules.parse("version", version, required: true) { try SemanticVersion(validating: $0) }
        let team = rules.text("ownerTeam", ownerTeam, limit: 128, required: true)
        let tier = rules.parse("tierMinimum", tierMinimum, required: true) { try Tier.parse($0, field: "tierMinimum") }
        let mode = rules.parse("invocationMode", invocationMode, required: true) {
            try InvocationMode.parse($0, field: "invocationMode")
        }
        if let seconds = estimatedDurationSeconds, !(1...Self.maxDurationSeconds).contains(seconds) {
            rules.fail("estimatedDurationSeconds", "must be an integer from 1 to \(Self.maxDurationSeconds)")
        }
        let hash = rules.layerHash(layerHash)
        let layerKey = rules.text("layerS3Key", layerS3Key, limit: 1024)
        let scriptKey = rules.text("scriptS3Key", scriptS3Key, limit: 1024)
        let arn = rules.runtimeARN(runtimeArn, required: true)
        if let notes = releaseNotes, notes.count > 4096 { rules.fail("releaseNotes", "must be at most 4096 characters") }
        let streaming = streamingEnabled ?? false
        if streaming, let mode, mode != .sync {
            rules.fail("streamingEnabled", "may be true only with invocationMode sync")
        }
        guard rules.details.isEmpty, let name, let semver, let team, let tier, let mode, let arn else {
            throw .invalid(rules.details)
        }
        var record = AgentVersion(agentName: name, version: semver, ownerTeam: team, tierMinimum: tier,
                                  invocationMode: mode, streamingEnabled: streaming)
        record.estimatedDurationSeconds = estimatedDurationSeconds
        record.layerHash = hash
        record.layerS3Key = layerKey
        record.scriptS3Key = scriptKey
        record.runtimeARN = arn
        record.releaseNotes = releaseNotes
        record.deployedAt = now
        return record
    }
}
