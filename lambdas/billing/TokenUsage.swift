/// A tenant's token use on one day, summed over its INVOCATION records.
struct TokenUsage: Equatable, Sendable, Codable {
    var inputTokens: Int64 = 0
    var outputTokens: Int64 = 0
    var invocations: Int64 = 0

    var totalTokens: Int64 { inputTokens + outputTokens }

    /// Adds one invocation; token counts are never negative in a valid record.
    mutating func add(inputTokens input: Int64, outputTokens output: Int64) throws(BillingError) {
        guard input >= 0, output >= 0 else { throw .arithmeticOverflow }
        let (newInput, overflowA) = inputTokens.addingReportingOverflow(input)
        let (newOutput, overflowB) = outputTokens.addingReportingOverflow(output)
        guard !overflowA, !overflowB else { throw .arithmeticOverflow }
        inputTokens = newInput
        outputTokens = newOutput
        invocations += 1
    }
}
