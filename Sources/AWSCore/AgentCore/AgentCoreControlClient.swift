import PlatformJSON
/// The AgentCore control plane (restJson, endpoint `bedrock-agentcore-control`,
/// SigV4 service `bedrock-agentcore`): agent runtimes and memories.
public struct AgentCoreControlClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    /// Where the agent's code comes from.
    public enum Artifact: Sendable, Equatable {
        case container(uri: String)
        /// A zip in S3 run on a managed runtime such as `PYTHON_3_12`.
        case code(bucket: String, prefix: String, runtime: String, entryPoint: [String])

        var json: JSONValue {
            switch self {
            case .container(let uri):
                return .object(["containerConfiguration": .object(["containerUri": .string(uri)])])
            case .code(let bucket, let prefix, let runtime, let entryPoint):
                return .object(["codeConfiguration": .object([
                    "code": .object(["s3": .object(["bucket": .string(bucket), "prefix": .string(prefix)])]),
                    "runtime": .string(runtime),
                    "entryPoint": .array(entryPoint.map(JSONValue.string)),
                ])])
            }
        }
    }

    public struct RuntimeDefinition: Sendable, Equatable {
        public var artifact: Artifact
        public var roleARN: String
        public var environment: [String: String]
        public var description: String?

        public init(artifact: Artifact, roleARN: String, environment: [String: String] = [:], description: String? = nil) {
            self.artifact = artifact
            self.roleARN = roleARN
            self.environment = environment
            self.description = description
        }

        func body(name: String?) -> [String: JSONValue] {
            var body: [String: JSONValue] = [
                "agentRuntimeArtifact": artifact.json,
                "roleArn": .string(roleARN),
                "networkConfiguration": .object(["networkMode": .string("PUBLIC")]),
                "protocolConfiguration": .object(["serverProtocol": .string("HTTP")]),
            ]
            if let name { body["agentRuntimeName"] = .string(name) }
            if !environment.isEmpty { body["environmentVariables"] = JSONValue(environment) }
            if let description { body["description"] = .string(description) }
            return body
        }
    }

    public struct Runtime: Decodable, Sendable, Equatable {
        public var agentRuntimeArn: String
        public var agentRuntimeId: String
        public var agentRuntimeVersion: String
        /// `CREATING`, `READY`, `UPDATING`, ...
        public var status: String
        public var agentRuntimeName: String?
    }

    public func createAgentRuntime(name: String, _ definition: RuntimeDefinition) async throws -> Runtime {
        try await client.restJSON(method: "PUT", path: "/runtimes/", input: definition.body(name: name),
                                  operation: "CreateAgentRuntime")
    }

    /// Publishes a new version of the runtime with this definition.
    public func updateAgentRuntime(id: String, _ definition: RuntimeDefinition) async throws -> Runtime {
        try await client.restJSON(method: "PUT", path: "/runtimes/\(AWSClient.pathLabel(id))/",
                                  input: definition.body(name: nil), operation: "UpdateAgentRuntime")
    }

    public func getAgentRuntime(id: String) async throws -> Runtime {
        try await client.restJSON(method: "GET", path: "/runtimes/\(AWSClient.pathLabel(id))/",
                                  input: nil as AWSEmptyOutput?, operation: "GetAgentRuntime")
    }

    /// GetAgentRuntime's description of the runtime's current version: where its code is.
    public struct RuntimeDetails: Decodable, Sendable, Equatable {
        public struct S3Location: Decodable, Sendable, Equatable {
            public var bucket: String
            public var prefix: String
            public var versionId: String?
        }
        public struct CodeConfiguration: Decodable, Sendable, Equatable {
            struct Code: Decodable, Sendable, Equatable { var s3: S3Location }
            var code: Code
            public var runtime: String?
            public var entryPoint: [String]?
            public var s3: S3Location { code.s3 }
        }
        public struct ArtifactBody: Decodable, Sendable, Equatable {
            public var codeConfiguration: CodeConfiguration?
        }
        public var agentRuntimeArn: String
        public var agentRuntimeId: String
        public var agentRuntimeVersion: String
        public var status: String
        public var agentRuntimeArtifact: ArtifactBody?
        public var environmentVariables: [String: String]?
    }

    /// GetAgentRuntime with the artifact and environment. `signedEmptyBody` sends `{}` as the
    /// body: moto 5.2.1 checks the signature of a body-less request against its parsed
    /// parameters and refuses every signed GET; the local data plane sets it.
    public func agentRuntimeDetails(id: String, signedEmptyBody: Bool = false) async throws -> RuntimeDetails {
        try await client.restJSON(method: "GET", path: "/runtimes/\(AWSClient.pathLabel(id))/",
                                  input: signedEmptyBody ? Optional([String: JSONValue]()) : nil, operation: "GetAgentRuntime")
    }

    public struct Memory: Decodable, Sendable, Equatable {
        public var arn: String
        public var id: String
        public var name: String
        public var status: String
    }

    private struct MemoryOutput: Decodable { var memory: Memory }

    /// A memory store whose events expire after `eventExpiryDays` (7 to 365).
    public func createMemory(name: String, eventExpiryDays: Int, description: String? = nil) async throws -> Memory {
        var body: [String: JSONValue] = ["name": .string(name), "eventExpiryDuration": .number(JSONNumber(eventExpiryDays))]
        if let description { body["description"] = .string(description) }
        return try await client.restJSON(method: "POST", path: "/memories/create", input: body,
                                         operation: "CreateMemory", as: MemoryOutput.self).memory
    }
}
