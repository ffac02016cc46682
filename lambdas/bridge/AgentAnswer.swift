import PlatformJSON
import AWSCore
import FoundationEssentials

/// A sync agent answer: `{"output": <any JSON>, "usage": {"inputTokens", "outputTokens"}}`.
/// Anything else (not JSON, no `output`, an `error` object) is a failed invocation.
struct AgentAnswer: Sendable, Equatable {
    var output: JSONValue
    var inputTokens: Int
    var outputTokens: Int

    struct Unusable: Error, Sendable, Equatable, CustomStringConvertible {
        var reason: String
        var description: String { "the agent's answer is unusable: \(reason)" }
    }

    init(output: JSONValue, inputTokens: Int, outputTokens: Int) {
        self.output = output
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    init(body: Data) throws(Unusable) {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw Unusable(reason: "not a JSON object")
        }
        if fields["error"] != nil { throw Unusable(reason: "the agent reported an error") }
        guard let output = fields["output"] else { throw Unusable(reason: "no output") }
        self.init(output: output, usage: fields["usage"])
    }

    /// Reads `usage` leniently: missing or malformed counts are 0.
    init(output: JSONValue, usage: JSONValue?) {
        func count(_ name: String) -> Int {
            guard case .object(let usage)? = usage, case .number(let number)? = usage[name],
                  let value = number.intValue, value >= 0, value < Int(Int32.max) else { return 0 }
            return value
        }
        self.init(output: output, inputTokens: count("inputTokens"), outputTokens: count("outputTokens"))
    }
}
