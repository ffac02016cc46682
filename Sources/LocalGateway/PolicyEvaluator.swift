import LambdaEvents

/// Decides whether an authoriser's policy lets a caller invoke a method ARN,
/// the way IAM does: an explicit Deny wins, otherwise some Allow must match.
enum PolicyEvaluator {
    static func allows(_ policy: APIGatewayAuthorizerResponse.PolicyDocument, methodARN: String) -> Bool {
        let applicable = policy.statement.filter { statement in
            actionMatches(statement.action) && statement.resource.contains { wildcardMatch($0, methodARN) }
        }
        if applicable.contains(where: { $0.effect == .deny }) { return false }
        return applicable.contains { $0.effect == .allow }
    }

    private static func actionMatches(_ action: String) -> Bool {
        wildcardMatch(action, "execute-api:Invoke")
    }

    /// IAM wildcard matching: `*` any run of characters, `?` exactly one.
    static func wildcardMatch(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var pi = 0, ti = 0, star = -1, resume = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == UInt8(ascii: "?") || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi
                resume = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                resume += 1
                ti = resume
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
