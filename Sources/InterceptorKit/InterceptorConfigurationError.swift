/// A setting the interceptor cannot start without is missing: the function
/// fails its initialisation rather than run without a check.
public struct InterceptorConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable that is missing or empty.
    public var variable: String

    public init(variable: String) {
        self.variable = variable
    }

    public var description: String { "environment variable \(variable) is required" }
}
