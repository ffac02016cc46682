import Foundation

/// Lays a deployed runtime out under the local state directory:
/// `runtimes/{id}/v{version}/` (the code zip unpacked) and `layers/{bucket}/{key}/`
/// (the layer unpacked, shared by every version that names it). Each directory is
/// unpacked beside its final path and renamed into place, so a half-written one is
/// never run; a present one is reused (both are immutable).
struct RuntimeInstaller: Sendable {
    let root: URL
    let python: URL
    let source: any RuntimeArtifactSource

    struct Installed: Sendable, Equatable {
        var code: URL
        var layer: URL?
    }

    func codeDirectory(_ runtime: DeployedRuntime) -> URL {
        root.appendingPathComponent("runtimes").appendingPathComponent(runtime.runtimeID)
            .appendingPathComponent("v\(runtime.runtimeVersion)")
    }

    func layerDirectory(_ layer: DeployedRuntime.ObjectLocation) -> URL {
        let safe = layer.key.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        return root.appendingPathComponent("layers").appendingPathComponent(layer.bucket)
            .appendingPathComponent(String(safe))
    }

    func install(_ runtime: DeployedRuntime) throws -> Installed {
        let code = codeDirectory(runtime)
        try unpack(runtime.code, into: code, runtimeID: runtime.runtimeID)
        guard FileManager.default.fileExists(atPath: code.appendingPathComponent(runtime.entryPoint).path) else {
            throw LocalAgentCoreError.artifactUnavailable(runtime.runtimeID, "the code has no \(runtime.entryPoint)")
        }
        var layer: URL?
        if let location = runtime.layer {
            layer = layerDirectory(location)
            try unpack(location, into: layer!, runtimeID: runtime.runtimeID)
        }
        return Installed(code: code, layer: layer)
    }

    private func unpack(_ location: DeployedRuntime.ObjectLocation, into directory: URL, runtimeID: String) throws {
        let files = FileManager.default
        if files.fileExists(atPath: directory.path) { return }
        let bytes: Data
        do { bytes = try source.object(location) } catch {
            throw LocalAgentCoreError.artifactUnavailable(runtimeID, "s3://\(location.bucket)/\(location.key): \(error)")
        }
        try files.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).\(UUID().uuidString)")
        let archive = staging.appendingPathExtension("zip")
        defer {
            try? files.removeItem(at: archive)
            try? files.removeItem(at: staging)
        }
        try bytes.write(to: archive)
        // Python's zipfile drops absolute and `..` parts of member names, so nothing lands outside.
        let process = Process()
        process.executableURL = python
        process.arguments = ["-m", "zipfile", "-e", archive.path, staging.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LocalAgentCoreError.artifactUnavailable(runtimeID, "s3://\(location.bucket)/\(location.key) is not a zip")
        }
        try files.createDirectory(at: staging, withIntermediateDirectories: true)  // an empty layer has no entries
        do {
            try files.moveItem(at: staging, to: directory)
        } catch where files.fileExists(atPath: directory.path) {
            // Another start unpacked the same immutable object first.
        }
    }
}
