/// What the control plane says a runtime runs: its code zip, entry point and
/// environment, and the dependency layer that `make agent-push` named in it.
struct DeployedRuntime: Sendable, Equatable {
    struct ObjectLocation: Sendable, Equatable, Hashable {
        var bucket: String
        var key: String
    }

    var runtimeID: String
    var runtimeVersion: String
    var code: ObjectLocation
    var entryPoint: String
    var layer: ObjectLocation?
    /// The runtime's environment variables (host and port are the data plane's to set).
    var environment: [String: String]

    /// The deploy step's names for the layer (docs/decisions/0040).
    static let layerBucketVariable = "PLATFORM_AGENT_LAYER_S3_BUCKET"
    static let layerKeyVariable = "PLATFORM_AGENT_LAYER_S3_KEY"
}
