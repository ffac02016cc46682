import Foundation

/// What `POST /runtimes/{url-encoded runtime ARN}/invocations` names.
struct InvocationTarget: Sendable, Equatable {
    var runtimeARN: String
    /// The ARN's region: where the caller believes the runtime runs.
    var region: String
    /// The runtime id after `runtime/`, e.g. `echo_agent-local`.
    var runtimeID: String

    init?(encodedARN: String) {
        guard let arn = encodedARN.removingPercentEncoding else { return nil }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "bedrock-agentcore", !parts[3].isEmpty,
              parts[5].hasPrefix("runtime/") else { return nil }
        let id = parts[5].dropFirst("runtime/".count)
        guard !id.isEmpty, !id.contains("/"), !id.contains("..") else { return nil }
        runtimeARN = arn
        region = String(parts[3])
        runtimeID = String(id)
    }

    /// Candidate agent directories, most specific first: `echo_agent_async-local`
    /// tries `echo-agent-async`, then `echo-agent`, then `echo`.
    var agentDirectoryCandidates: [String] {
        var name = runtimeID
        if name.hasSuffix("-local") { name.removeLast("-local".count) }
        var words = name.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        var candidates: [String] = []
        while !words.isEmpty {
            candidates.append(words.joined(separator: "-"))
            words.removeLast()
        }
        return candidates
    }
}
