import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct AgentVersionTests {
    private func version(_ text: String, _ status: AgentStatus) throws -> AgentVersion {
        var version = AgentVersion(agentName: Fixtures.agent, version: try SemanticVersion(validating: text), ownerTeam: "core",
                                   tierMinimum: .standard, invocationMode: .sync, streamingEnabled: true)
        version.status = status
        return version
    }

    @Test func registersAsBuiltAndMovesThroughTheStateMachine() throws {
        var version = try version("1.0.0", .built)
        for next: AgentStatus in [.deployedStaging, .integrationVerified, .evaluationPassed] {
            version = try version.transitioned(to: next, by: "ops", now: Fixtures.now)
        }
        #expect(version.approvedBy == nil)
        version = try version.transitioned(to: .approved, by: "lead", now: Fixtures.now)
        #expect(version.approvedBy == "lead" && version.approvedAt == Fixtures.now)
        version = try version.transitioned(to: .promoted, by: "ops", now: Fixtures.now)
        #expect(version.rolledBackBy == nil)
        version = try version.transitioned(to: .rolledBack, by: "oncall", now: Fixtures.now)
        #expect(version.rolledBackBy == "oncall" && version.rolledBackAt == Fixtures.now && version.status == .rolledBack)
        #expect(throws: IllegalTransition(from: .rolledBack, to: .promoted)) {
            try version.transitioned(to: .promoted, by: "x", now: Fixtures.now)
        }
    }

    @Test func picksTheNewestPromotedVersionBySemver() throws {
        let versions = try [version("1.9.0", .promoted), version("1.10.0", .promoted), version("2.0.0-rc.1", .promoted),
                            version("3.0.0", .approved), version("1.10.0-beta", .promoted)]
        #expect(AgentVersion.newestInvokable(versions)?.version.rawValue == "2.0.0-rc.1")
        #expect(AgentVersion.newestInvokable(Array(versions.prefix(2)))?.version.rawValue == "1.10.0")
        #expect(AgentVersion.newestInvokable(try [version("3.0.0", .approved)]) == nil)
    }

    @Test func roundTripsEveryAttribute() throws {
        var full = try version("1.2.3+b", .promoted)
        full.layerHash = "0123456789abcdef"
        full.layerS3Key = "layers/x.zip"
        full.scriptS3Key = "agents/x.zip"
        full.runtimeARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/x"
        full.deployedAt = Fixtures.now
        full.estimatedDurationSeconds = 30
        full.approvedBy = "lead"
        full.approvedAt = Fixtures.now
        full.releaseNotes = "notes"
        full.evaluationScore = 0.93
        full.rolledBackBy = "oncall"
        full.rolledBackAt = Fixtures.now
        let (decoded, item) = try Fixtures.roundTrip(full)
        #expect(decoded == full && decoded.version.rawValue == "1.2.3+b")
        #expect(item["SK"] == .s("VERSION#1.2.3") && item["version"] == .s("1.2.3+b"))
        #expect(Set(item.keys) == ["PK", "SK", "agentName", "version", "status", "ownerTeam", "tierMinimum", "invocationMode",
                                   "streamingEnabled", "layerHash", "layerS3Key", "scriptS3Key", "runtimeArn", "deployedAt",
                                   "estimatedDurationSeconds", "approvedBy", "approvedAt", "releaseNotes", "evaluationScore",
                                   "rolledBackBy", "rolledBackAt"])
    }
}
