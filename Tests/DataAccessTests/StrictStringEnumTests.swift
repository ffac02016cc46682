import AWSCore
import Testing
@testable import DataAccess

@Suite struct StrictStringEnumTests {
    struct Holder<E: StrictStringEnum & Equatable>: Codable, Equatable { var value: E }

    @Test func parsesKnownValuesAndNamesAllowedOnesOtherwise() throws {
        #expect(try Tier.parse("premium", field: "tier") == .premium)
        #expect(throws: ValidationError(field: "tier", code: .unknownValue, message: "must be one of basic|standard|premium")) {
            try Tier.parse("gold", field: "tier")
        }
        #expect(TenantStatus.allowedValues == "active|suspended|deleted")
        #expect(ProvisioningStatus.allowedValues == "pending|provisioning|ready|failed")
        #expect(InvocationMode.allowedValues == "sync|streaming|async")
        #expect(InvocationStatus.allowedValues == "success|error|timeout|throttled")
        #expect(JobStatus.allowedValues == "pending|running|completed|failed")
        #expect(AgentStatus.allowedValues
            == "built|deployed_staging|integration_verified|evaluation_passed|approved|promoted|rolled_back|failed")
        #expect(WebhookEvent.allowedValues == "job.completed|job.failed")
        #expect(DeliveryStatus.allowedValues == "delivered|retrying|failed|skipped")
        #expect(InviteStatus.allowedValues == "pending|accepted|expired")
        #expect(APIKeyStatus.allowedValues == "active|revoked")
        #expect(WebhookStatus.allowedValues == "active|disabled")
        #expect(AuditOutcome.allowedValues == "succeeded|failed|denied")
        #expect(IdempotencyStatus.allowedValues == "in_progress|completed")
    }

    @Test func decodesStrictlyNamingTheAttribute() throws {
        let item = try DynamoDBItemEncoder().encode(Holder(value: AgentStatus.deployedStaging))
        #expect(item == ["value": .s("deployed_staging")])
        #expect(try DynamoDBItemDecoder().decode(Holder<AgentStatus>.self, from: item).value == .deployedStaging)
        do {
            _ = try DynamoDBItemDecoder().decode(Holder<Tier>.self, from: ["value": .s("Premium")])
            Issue.record("decoded an unknown tier")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "attribute 'value' must be one of basic|standard|premium")
        }
        #expect(throws: DecodingError.self) { try DynamoDBItemDecoder().decode(Holder<Tier>.self, from: ["value": .n("1")]) }
    }

    @Test func tiersRankAndCompare() {
        #expect(Tier.allCases.map(\.rank) == [0, 1, 2])
        #expect(Tier.basic < .standard && Tier.standard < .premium && !(Tier.premium < .basic))
        #expect(Tier.premium.satisfies(.standard) && Tier.standard.satisfies(.standard) && !Tier.basic.satisfies(.standard))
    }

    @Test func jobStatusesMoveForwardOnly() {
        let allowed: Set<String> = ["pending>running", "pending>failed", "running>completed", "running>failed"]
        for from in JobStatus.allCases {
            for to in JobStatus.allCases {
                #expect(from.canTransition(to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"))
            }
        }
        #expect(JobStatus.allCases.filter(\.isTerminal) == [.completed, .failed])
    }

    @Test func agentStatusFollowsTheReleaseStateMachine() throws {
        let path: [AgentStatus] = [.built, .deployedStaging, .integrationVerified, .evaluationPassed, .approved, .promoted, .rolledBack]
        var allowed = Set(zip(path, path.dropFirst()).map { "\($0.0.rawValue)>\($0.1.rawValue)" })
        for state in path.prefix(5) { allowed.insert("\(state.rawValue)>failed") }
        for from in AgentStatus.allCases {
            for to in AgentStatus.allCases {
                let legal = allowed.contains("\(from.rawValue)>\(to.rawValue)")
                do {
                    #expect(try from.transition(to: to) == to)
                    #expect(legal, "\(from) -> \(to) should be refused")
                } catch {
                    #expect(!legal, "\(from) -> \(to) should be allowed")
                    #expect(error == IllegalTransition(from: from, to: to))
                }
            }
        }
        #expect(allowed.count == 11)
        #expect(AgentStatus.allCases.filter(\.isInvokable) == [.promoted])
        #expect(IllegalTransition(from: .promoted, to: .failed).message == "an agent version cannot move from promoted to failed")
        #expect(IllegalTransition.code == "ILLEGAL_TRANSITION")
    }
}
