/// Writes secrets (Secrets Manager in production). Values never appear in errors or logs.
protocol SecretStoring: Sendable {
    /// Creates the secret, or stores a new current version when it already exists; returns its ARN.
    func storeSecret(name: String, value: String) async throws -> String
}
