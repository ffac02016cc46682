import AWSCore

/// Secrets from AWS Secrets Manager.
struct SecretsManagerSecretSource: SecretSource {
    struct NoStringValue: Error, CustomStringConvertible {
        var description: String { "secret has no string value" }
    }

    let secretsManager: SecretsManagerClient

    func secretString(id: String) async throws -> String {
        guard let value = try await secretsManager.getSecretValue(id).secretString else { throw NoStringValue() }
        return value
    }
}
