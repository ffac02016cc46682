/// A problem with the environment's AWS settings, found before any request is sent.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingRegion
    case invalidRegion(String)
    /// The named variable does not hold an `http(s)://host[:port][/path]` URL.
    case invalidEndpoint(variable: String)
    /// The named credential variables are not set (their values are never shown).
    case missingCredentials(variables: [String])

    public var description: String {
        switch self {
        case .missingRegion: "no AWS region: set AWS_REGION"
        case .invalidRegion(let region): "invalid AWS region '\(region)'"
        case .invalidEndpoint(let variable): "\(variable) is not an http(s) URL"
        case .missingCredentials(let variables): "missing AWS credentials: set \(variables.joined(separator: ", "))"
        }
    }
}
