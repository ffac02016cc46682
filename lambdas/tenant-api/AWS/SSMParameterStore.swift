import AWSCore

/// ``ParameterStoring`` over SSM Parameter Store.
struct SSMParameterStore: ParameterStoring {
    let client: SSMClient

    func parameter(_ name: String) async throws -> String? {
        do {
            return try await client.getParameter(name).value
        } catch let error as AWSError where error.code == "ParameterNotFound" {
            return nil
        }
    }

    func putParameter(_ name: String, value: String) async throws {
        try await client.putParameter(name, value: value)
    }
}
