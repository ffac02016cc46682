import AWSCore
import Foundation
import Synchronization

/// Runtimes from the AgentCore control plane (moto locally) and their objects
/// from S3, both with signed requests.
struct ControlPlaneArtifactSource: RuntimeArtifactSource {
    let control: @Sendable (String) throws -> AgentCoreControlClient
    let s3: S3Client
    /// Where agents are deployed: a failed-over ARN names the other region, whose local
    /// stand-in is the same deployment (docs/decisions/0040).
    let deployRegions: [String]

    init(environment: [String: String], deployRegions: [String]) throws {
        let transport = CurlTransport()
        s3 = S3Client(client: try AWSClient(service: .s3, environment: environment, transport: transport))
        control = { region in
            AgentCoreControlClient(client: try AWSClient(service: .bedrockAgentCoreControl, environment: environment,
                                                         transport: transport, region: region))
        }
        self.deployRegions = deployRegions
    }

    func runtime(id: String, region: String) throws -> DeployedRuntime? {
        var regions = [region]
        for other in deployRegions where !regions.contains(other) { regions.append(other) }
        for region in regions {
            let client = try control(region)
            let details: AgentCoreControlClient.RuntimeDetails
            do {
                details = try Self.blocking { try await client.agentRuntimeDetails(id: id, signedEmptyBody: true) }
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                continue
            }
            return try Self.deployed(details)
        }
        return nil
    }

    func object(_ location: DeployedRuntime.ObjectLocation) throws -> Data {
        try Self.blocking { try await s3.getObject(bucket: location.bucket, key: location.key).body }
    }

    static func deployed(_ details: AgentCoreControlClient.RuntimeDetails) throws -> DeployedRuntime {
        guard let code = details.agentRuntimeArtifact?.codeConfiguration else {
            throw LocalAgentCoreError.unsupportedArtifact(details.agentRuntimeId)
        }
        let environment = details.environmentVariables ?? [:]
        var layer: DeployedRuntime.ObjectLocation?
        if let key = environment[DeployedRuntime.layerKeyVariable], !key.isEmpty {
            layer = .init(bucket: environment[DeployedRuntime.layerBucketVariable] ?? code.s3.bucket, key: key)
        }
        return DeployedRuntime(runtimeID: details.agentRuntimeId, runtimeVersion: details.agentRuntimeVersion,
                               code: .init(bucket: code.s3.bucket, key: code.s3.prefix),
                               entryPoint: code.entryPoint?.first ?? "agent.py", layer: layer, environment: environment)
    }

    /// Runs async client work from the data plane's (synchronous) connection threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
