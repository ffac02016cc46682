import AWSCore

/// ``SecretStoring`` over Secrets Manager: create, or a new version when the secret exists.
struct SecretsManagerStore: SecretStoring {
    let client: SecretsManagerClient

    func storeSecret(name: String, value: String) async throws -> String {
        do {
            return try await client.createSecret(name: name, secretString: value).arn
        } catch let error as AWSError where error.code == "ResourceExistsException" {
            return try await client.putSecretValue(name, secretString: value).arn
        }
    }
}
