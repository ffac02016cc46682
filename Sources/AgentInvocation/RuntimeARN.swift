/// `arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}`, with the region
/// rewritten to the active runtime region (SYSTEM.md section 6).
package enum RuntimeARN {
    package struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        package var description: String { "the agent's runtime ARN is not a bedrock-agentcore runtime ARN" }
    }

    package static func rewriting(_ arn: String, toRegion region: String) throws(Invalid) -> String {
        var parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "bedrock-agentcore", parts[5].hasPrefix("runtime/"),
              parts[5].count > "runtime/".count
        else { throw Invalid() }
        parts[3] = region
        return parts.joined(separator: ":")
    }

    /// The region named in `arn`, if it is a runtime ARN.
    package static func region(of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2] == "bedrock-agentcore" else { return nil }
        return String(parts[3])
    }
}
