/// Secrets Manager over awsJson1.1 (`secretsmanager.*`).
public struct SecretsManagerClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    /// A secret's identity; the value itself is only in `SecretValue`.
    public struct SecretVersion: Decodable, Sendable, Equatable {
        public var arn: String
        public var versionID: String?
        enum CodingKeys: String, CodingKey { case arn = "ARN", versionID = "VersionId" }
    }

    /// A secret's string value. Its `description` hides the value.
    public struct SecretValue: Decodable, Sendable, Equatable, CustomStringConvertible {
        public var arn: String
        public var name: String
        public var secretString: String?
        public var versionID: String?
        enum CodingKeys: String, CodingKey { case arn = "ARN", name = "Name", secretString = "SecretString", versionID = "VersionId" }
        public var description: String { "SecretValue(name: \(name), value: <redacted>)" }
    }

    private struct Input: Encodable {
        var name: String?
        var secretID: String?
        var secretString: String?
        enum CodingKeys: String, CodingKey { case name = "Name", secretID = "SecretId", secretString = "SecretString" }
    }

    @discardableResult
    public func createSecret(name: String, secretString: String) async throws -> SecretVersion {
        try await client.json(target: "secretsmanager", operation: "CreateSecret",
                              input: Input(name: name, secretString: secretString), version: "1.1")
    }

    /// Throws `AWSError` code `ResourceNotFoundException` when absent.
    public func getSecretValue(_ secretID: String) async throws -> SecretValue {
        try await client.json(target: "secretsmanager", operation: "GetSecretValue",
                              input: Input(secretID: secretID), version: "1.1")
    }

    /// Stores a new current version of the secret.
    @discardableResult
    public func putSecretValue(_ secretID: String, secretString: String) async throws -> SecretVersion {
        try await client.json(target: "secretsmanager", operation: "PutSecretValue",
                              input: Input(secretID: secretID, secretString: secretString), version: "1.1")
    }
}
