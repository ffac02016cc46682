import LambdaEvents
import Testing
@testable import LocalGateway

@Suite struct PolicyEvaluatorTests {
    typealias Statement = APIGatewayAuthorizerResponse.Statement
    let arn = "arn:aws:execute-api:eu-west-2:123456789012:local/v1/GET/v1/tenants/acme"

    @Test func allowCoveringTheWholeAPIMatchesEveryMethod() {
        let policy = APIGatewayAuthorizerResponse.PolicyDocument(statement: [
            Statement(effect: .allow, resource: ["arn:aws:execute-api:eu-west-2:123456789012:local/v1/*/*"]),
        ])
        #expect(PolicyEvaluator.allows(policy, methodARN: arn))
        #expect(!PolicyEvaluator.allows(policy, methodARN: "arn:aws:execute-api:eu-west-2:123456789012:other/v1/GET/x"))
    }

    @Test func explicitDenyWins() {
        let policy = APIGatewayAuthorizerResponse.PolicyDocument(statement: [
            Statement(effect: .allow, resource: ["*"]),
            Statement(effect: .deny, resource: [arn]),
        ])
        #expect(!PolicyEvaluator.allows(policy, methodARN: arn))
    }

    @Test func noApplicableStatementDenies() {
        let policy = APIGatewayAuthorizerResponse.PolicyDocument(statement: [
            Statement(effect: .allow, resource: ["*"], action: "execute-api:ManageConnections"),
        ])
        #expect(!PolicyEvaluator.allows(policy, methodARN: arn))
        #expect(!PolicyEvaluator.allows(.init(statement: []), methodARN: arn))
    }

    @Test func wildcardsFollowIAMRules() {
        #expect(PolicyEvaluator.wildcardMatch("a*c", "abbbc"))
        #expect(PolicyEvaluator.wildcardMatch("a?c", "abc"))
        #expect(!PolicyEvaluator.wildcardMatch("a?c", "abbc"))
        #expect(PolicyEvaluator.wildcardMatch("**", ""))
        #expect(!PolicyEvaluator.wildcardMatch("abc", "abcd"))
        #expect(PolicyEvaluator.wildcardMatch("execute-api:*", "execute-api:Invoke"))
    }
}
