/// Reads a secret's string value (Secrets Manager `GetSecretValue`).
protocol SecretSource: Sendable {
    func secretString(id: String) async throws -> String
}
