/// Region and endpoint resolution from an environment dictionary (the
/// process's, or a test's), the way the AWS SDKs do it.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]

    public init(_ variables: [String: String]) { self.variables = variables }

    /// `AWS_REGION` (what Lambda sets), else `AWS_DEFAULT_REGION`.
    public func region() throws(AWSConfigurationError) -> String {
        guard let region = nonEmpty("AWS_REGION") ?? nonEmpty("AWS_DEFAULT_REGION") else { throw .missingRegion }
        try Self.validate(region: region)
        return region
    }

    /// `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`, else
    /// `https://{endpointPrefix}.{region}.amazonaws.com`.
    public func endpoint(for service: AWSService, region: String) throws(AWSConfigurationError) -> AWSEndpoint {
        for variable in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
            guard let url = nonEmpty(variable) else { continue }
            guard let endpoint = AWSEndpoint(url: url, isOverride: true) else { throw .invalidEndpoint(variable: variable) }
            return endpoint
        }
        try Self.validate(region: region)
        return AWSEndpoint(scheme: "https", authority: "\(service.endpointPrefix).\(region).amazonaws.com")
    }

    /// A region becomes part of a host name: only lower-case letters, digits and hyphens.
    static func validate(region: String) throws(AWSConfigurationError) {
        let allowed = region.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        guard allowed, !region.isEmpty else { throw .invalidRegion(region) }
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
