/// Reads and writes SSM String parameters.
protocol ParameterStoring: Sendable {
    /// The value, or nil when the parameter does not exist.
    func parameter(_ name: String) async throws -> String?
    func putParameter(_ name: String, value: String) async throws
}
