/// Supplies the credentials to sign a request with: the I/O seam for
/// credentials that may need a network call to refresh.
public protocol CredentialProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

/// Always the same credentials.
public struct StaticCredentialProvider: CredentialProvider {
    private let value: AWSCredentials

    public init(_ credentials: AWSCredentials) { value = credentials }

    public func credentials() async throws -> AWSCredentials { value }
}
