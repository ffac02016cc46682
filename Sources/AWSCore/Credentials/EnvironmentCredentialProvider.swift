/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and the
/// optional `AWS_SESSION_TOKEN`: what Lambda sets for the function's role.
public struct EnvironmentCredentialProvider: CredentialProvider {
    private let variables: [String: String]

    public init(environment: [String: String]) { variables = environment }

    public func credentials() async throws -> AWSCredentials { try load() }

    func load() throws(AWSConfigurationError) -> AWSCredentials {
        let accessKey = variables["AWS_ACCESS_KEY_ID"] ?? ""
        let secret = variables["AWS_SECRET_ACCESS_KEY"] ?? ""
        let missing = [("AWS_ACCESS_KEY_ID", accessKey), ("AWS_SECRET_ACCESS_KEY", secret)]
            .filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else { throw .missingCredentials(variables: missing) }
        let token = variables["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token)
    }
}
