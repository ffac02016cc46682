import AWSCore

/// SSM parameters the invocation path reads and writes (the active runtime
/// region, a tenant's fallback role ARN).
package protocol ParameterStore: Sendable {
    /// The value, or nil when the parameter does not exist.
    func value(of name: String) async throws -> String?
    func setValue(_ value: String, of name: String) async throws
}

/// `ParameterStore` on SSM.
package struct SSMParameterStore: ParameterStore {
    private let ssm: SSMClient

    package init(ssm: SSMClient) { self.ssm = ssm }

    package func value(of name: String) async throws -> String? {
        do {
            return try await ssm.getParameter(name).value
        } catch let error as AWSError where error.code == "ParameterNotFound" {
            return nil
        }
    }

    package func setValue(_ value: String, of name: String) async throws {
        try await ssm.putParameter(name, value: value)
    }
}
