import DataAccess
import FoundationEssentials
import PlatformAPI

/// The body of `PATCH /v1/platform/agents/{name}/versions/{version}`.
struct AgentVersionUpdate: Decodable, Sendable {
    static let fields: Set<String> = ["status", "releaseNotes", "evaluationScore", "runtimeArn"]

    var status: String?
    var releaseNotes: String?
    var evaluationScore: Double?
    var runtimeArn: String?

    /// `version` with the sent fields applied; a status change runs the release
    /// state machine (``IllegalTransition`` is 409) and stamps approval or rollback.
    func applied(to version: AgentVersion, by actor: String, now: Date) throws -> AgentVersion {
        var rules = AgentFieldRules()
        let next = rules.parse("status", status, required: false) { try AgentStatus.parse($0, field: "status") }
        let score = rules.score(evaluationScore)
        let arn = rules.runtimeARN(runtimeArn, required: false)
        if let notes = releaseNotes, notes.count > 4096 { rules.fail("releaseNotes", "must be at most 4096 characters") }
        if status == nil, releaseNotes == nil, evaluationScore == nil, runtimeArn == nil {
            rules.fail("body", "must change at least one field")
        }
        guard rules.details.isEmpty else { throw APIError.invalid(rules.details) }
        var updated = version
        if let next { updated = try version.transitioned(to: next, by: actor, now: now) }
        if let releaseNotes { updated.releaseNotes = releaseNotes }
        if let score { updated.evaluationScore = score }
        if let arn { updated.runtimeARN = arn }
        return updated
    }
}
