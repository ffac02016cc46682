/// Reads a secret's string value: the I/O seam in front of Secrets Manager.
protocol SecretSource: Sendable {
    func secretString(id: String) async throws -> String
}
