import AWSCore

/// Secret strings from Secrets Manager.
struct SecretsManagerSource: SecretSource {
    struct EmptySecret: Error, CustomStringConvertible {
        var id: String
        var description: String { "secret \(id) has no string value" }
    }

    let client: SecretsManagerClient

    func secretString(id: String) async throws -> String {
        guard let value = try await client.getSecretValue(id).secretString, !value.isEmpty else {
            throw EmptySecret(id: id)
        }
        return value
    }
}
