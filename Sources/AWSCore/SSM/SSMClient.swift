/// SSM Parameter Store over awsJson1.1 (`AmazonSSM.*`).
public struct SSMClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    public struct Parameter: Decodable, Sendable, Equatable {
        public var name: String
        public var value: String
        public var version: Int?
        enum CodingKeys: String, CodingKey { case name = "Name", value = "Value", version = "Version" }
    }

    private struct GetParameterInput: Encodable {
        var name: String
        var withDecryption: Bool
        enum CodingKeys: String, CodingKey { case name = "Name", withDecryption = "WithDecryption" }
    }

    private struct GetParameterOutput: Decodable {
        var parameter: Parameter
        enum CodingKeys: String, CodingKey { case parameter = "Parameter" }
    }

    /// Throws `AWSError` code `ParameterNotFound` when absent.
    public func getParameter(_ name: String, withDecryption: Bool = true) async throws -> Parameter {
        try await client.json(target: "AmazonSSM", operation: "GetParameter",
                              input: GetParameterInput(name: name, withDecryption: withDecryption), version: "1.1",
                              as: GetParameterOutput.self).parameter
    }

    private struct PutParameterInput: Encodable {
        var name: String
        var value: String
        var type: String
        var overwrite: Bool
        enum CodingKeys: String, CodingKey { case name = "Name", value = "Value", type = "Type", overwrite = "Overwrite" }
    }

    private struct PutParameterOutput: Decodable {
        var version: Int
        enum CodingKeys: String, CodingKey { case version = "Version" }
    }

    /// Writes a parameter (type `String` unless told); returns its new version.
    @discardableResult
    public func putParameter(_ name: String, value: String, type: String = "String",
                             overwrite: Bool = true) async throws -> Int {
        try await client.json(target: "AmazonSSM", operation: "PutParameter",
                              input: PutParameterInput(name: name, value: value, type: type, overwrite: overwrite),
                              version: "1.1", as: PutParameterOutput.self).version
    }
}
