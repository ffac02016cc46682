import Foundation

/// The I/O seam of deployed runtimes: the control plane's description of a
/// runtime, and the objects it names.
protocol RuntimeArtifactSource: Sendable {
    /// nil when no region's control plane knows the runtime.
    func runtime(id: String, region: String) throws -> DeployedRuntime?
    func object(_ location: DeployedRuntime.ObjectLocation) throws -> Data
}
