import AWSCore

/// Parameters from SSM Parameter Store.
struct SSMParameterSource: ParameterSource {
    let ssm: SSMClient

    func parameter(named name: String) async throws -> String? {
        do {
            return try await ssm.getParameter(name).value
        } catch let error as AWSError where error.code == "ParameterNotFound" {
            return nil
        }
    }
}
