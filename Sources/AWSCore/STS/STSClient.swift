import FoundationEssentials

/// AWS STS over the awsQuery protocol: AssumeRole and GetCallerIdentity.
public struct STSClient: Sendable {
    public let client: AWSClient
    static let version = "2011-06-15"

    public init(client: AWSClient) { self.client = client }

    public struct AssumedRole: Sendable, Equatable {
        public var credentials: AWSCredentials
        public var assumedRoleARN: String
    }

    /// Assumes `roleARN` with a session name and session tags (`tenantId` for tenant roles).
    public func assumeRole(roleARN: String, sessionName: String, tags: [String: String] = [:],
                           durationSeconds: Int = 3600) async throws -> AssumedRole {
        var parameters = [("RoleArn", roleARN), ("RoleSessionName", sessionName),
                          ("DurationSeconds", String(durationSeconds))]
        for (index, tag) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
            parameters.append(("Tags.member.\(index + 1).Key", tag.key))
            parameters.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        let result = try await client.query(action: "AssumeRole", version: Self.version, parameters: parameters)
        guard let credentials = result.child("Credentials"),
              let accessKey = credentials.text("AccessKeyId"), let secret = credentials.text("SecretAccessKey"),
              let token = credentials.text("SessionToken"), let expiryText = credentials.text("Expiration"),
              let expiry = try? Date(expiryText, strategy: .iso8601) else {
            throw AWSResponseError(service: client.service.id, operation: "AssumeRole", status: 200,
                                   reason: "AssumeRoleResult lacks complete Credentials")
        }
        return AssumedRole(
            credentials: AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token,
                                        expiration: expiry),
            assumedRoleARN: result.text("AssumedRoleUser", "Arn") ?? "")
    }

    public struct CallerIdentity: Sendable, Equatable {
        public var account: String
        public var arn: String
        public var userID: String
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await client.query(action: "GetCallerIdentity", version: Self.version, parameters: [])
        guard let account = result.text("Account"), let arn = result.text("Arn") else {
            throw AWSResponseError(service: client.service.id, operation: "GetCallerIdentity", status: 200,
                                   reason: "GetCallerIdentityResult lacks Account or Arn")
        }
        return CallerIdentity(account: account, arn: arn, userID: result.text("UserId") ?? "")
    }
}
