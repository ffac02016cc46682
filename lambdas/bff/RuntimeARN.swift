/// An AgentCore runtime ARN, `arn:{partition}:bedrock-agentcore:{region}:{account}:runtime/{id}`.
struct RuntimeARN: Equatable, Sendable {
    private var fields: [Substring]

    init?(_ text: String) {
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", fields[2] == "bedrock-agentcore",
              fields[5].hasPrefix("runtime/"), fields[5].count > "runtime/".count
        else { return nil }
        self.fields = fields
    }

    var region: String { String(fields[3]) }

    /// The same runtime in `region`: agents are deployed under the same id in every
    /// runtime region, so failover only swaps this field.
    func inRegion(_ region: String) -> RuntimeARN {
        var copy = self
        copy.fields[3] = Substring(region)
        return copy
    }

    var text: String { fields.joined(separator: ":") }
}
