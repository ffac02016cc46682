/// Reads a configuration parameter: the I/O seam in front of SSM.
protocol ParameterSource: Sendable {
    /// The parameter's value, or nil when it does not exist.
    func parameter(named name: String) async throws -> String?
}
