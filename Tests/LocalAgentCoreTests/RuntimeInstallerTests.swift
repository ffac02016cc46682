import AWSCore
import Foundation
import Synchronization
import Testing
@testable import LocalAgentCore

/// Objects by location, counting fetches: the fake at the artifact seam.
final class FakeArtifactSource: RuntimeArtifactSource {
    let objects: [DeployedRuntime.ObjectLocation: Data]
    let fetches = Mutex(0)

    init(_ objects: [DeployedRuntime.ObjectLocation: Data]) { self.objects = objects }

    func runtime(id: String, region: String) throws -> DeployedRuntime? { nil }

    func object(_ location: DeployedRuntime.ObjectLocation) throws -> Data {
        fetches.withLock { $0 += 1 }
        guard let data = objects[location] else { throw AWSError(service: "S3", code: "NoSuchKey", message: "missing", status: 404) }
        return data
    }
}

@Suite struct RuntimeInstallerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let python = repository.appendingPathComponent(".venv/bin/python")
    static let code = DeployedRuntime.ObjectLocation(bucket: "b", key: "agents/local/a/1.0.0/code.zip")
    static let layer = DeployedRuntime.ObjectLocation(bucket: "b", key: "layers/local/a/0123456789abcdef.zip")

    /// A real zip of `files`, written by Python's zipfile (what agent-push uses).
    static func zip(_ files: [String: String]) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let out = directory.appendingPathExtension("zip")
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", "import sys, zipfile, pathlib\nroot = pathlib.Path(sys.argv[1])\n"
            + "with zipfile.ZipFile(sys.argv[2], 'w') as z:\n    [z.write(p, p.relative_to(root).as_posix()) for p in sorted(root.rglob('*')) if p.is_file()]",
            directory.path, out.path]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: out) }
        return try Data(contentsOf: out)
    }

    func runtime(entryPoint: String = "agent.py", layer: DeployedRuntime.ObjectLocation? = RuntimeInstallerTests.layer)
        -> DeployedRuntime {
        DeployedRuntime(runtimeID: "a1-b2", runtimeVersion: "3", code: Self.code, entryPoint: entryPoint, layer: layer,
                        environment: [:])
    }

    func installer(_ source: FakeArtifactSource) -> RuntimeInstaller {
        RuntimeInstaller(root: FileManager.default.temporaryDirectory.appendingPathComponent("agentcore-\(UUID().uuidString)"),
                         python: Self.python, source: source)
    }

    @Test func unpacksCodeAndLayerIntoPerVersionDirectoriesOnce() throws {
        let source = FakeArtifactSource([Self.code: try Self.zip(["agent.py": "print('v3')\n", "lib/util.py": ""]),
                                         Self.layer: try Self.zip(["dep/__init__.py": "VALUE = 1\n"])])
        let installer = installer(source)
        defer { try? FileManager.default.removeItem(at: installer.root) }
        let installed = try installer.install(runtime())
        #expect(installed.code.path.hasSuffix("runtimes/a1-b2/v3"))
        #expect(try String(contentsOf: installed.code.appendingPathComponent("agent.py"), encoding: .utf8) == "print('v3')\n")
        #expect(FileManager.default.fileExists(atPath: installed.code.appendingPathComponent("lib/util.py").path))
        let layer = try #require(installed.layer)
        #expect(FileManager.default.fileExists(atPath: layer.appendingPathComponent("dep/__init__.py").path))
        // Immutable objects: a second start reuses what is unpacked, nothing is fetched again.
        let again = try installer.install(runtime())
        #expect(again.code.standardizedFileURL.path == installed.code.standardizedFileURL.path)
        #expect(again.layer?.standardizedFileURL.path == layer.standardizedFileURL.path)
        #expect(source.fetches.withLock { $0 } == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: installed.code.deletingLastPathComponent().path)
        #expect(leftovers == ["v3"])
    }

    @Test func aCodeZipWithoutTheEntryPointIsRefused() throws {
        let source = FakeArtifactSource([Self.code: try Self.zip(["other.py": ""])])
        let installer = installer(source)
        defer { try? FileManager.default.removeItem(at: installer.root) }
        #expect(throws: LocalAgentCoreError.artifactUnavailable("a1-b2", "the code has no agent.py")) {
            try installer.install(runtime(layer: nil))
        }
    }

    @Test func aMissingOrBrokenObjectLeavesNothingHalfWritten() throws {
        let broken = FakeArtifactSource([Self.code: Data("not a zip".utf8)])
        let installer = installer(broken)
        defer { try? FileManager.default.removeItem(at: installer.root) }
        #expect(throws: LocalAgentCoreError.self) { try installer.install(runtime(layer: nil)) }
        let versions = installer.codeDirectory(runtime()).deletingLastPathComponent()
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: versions.path)) ?? []).isEmpty)
        let missing = self.installer(FakeArtifactSource([:]))
        defer { try? FileManager.default.removeItem(at: missing.root) }
        #expect(throws: LocalAgentCoreError.self) { try missing.install(runtime(layer: nil)) }
    }

    @Test func runtimeDetailsMapToTheDeployedRuntime() throws {
        let json = #"{"agentRuntimeArn":"arn:x","agentRuntimeId":"a1-b2","agentRuntimeVersion":"3","status":"READY","agentRuntimeArtifact":{"codeConfiguration":{"code":{"s3":{"bucket":"b","prefix":"agents/local/a/1.0.0/code.zip"}},"runtime":"PYTHON_3_12","entryPoint":["agent.py"]}},"environmentVariables":{"PLATFORM_AGENT_LAYER_S3_BUCKET":"b","PLATFORM_AGENT_LAYER_S3_KEY":"layers/local/a/0123456789abcdef.zip","X":"1"}}"#
        let details = try JSONDecoder().decode(AgentCoreControlClient.RuntimeDetails.self, from: Data(json.utf8))
        let deployed = try ControlPlaneArtifactSource.deployed(details)
        #expect(deployed == DeployedRuntime(runtimeID: "a1-b2", runtimeVersion: "3", code: Self.code, entryPoint: "agent.py",
                                            layer: Self.layer, environment: details.environmentVariables ?? [:]))
        let container = #"{"agentRuntimeArn":"arn:x","agentRuntimeId":"c1","agentRuntimeVersion":"1","status":"READY","agentRuntimeArtifact":{"containerConfiguration":{"containerUri":"x"}}}"#
        #expect(throws: LocalAgentCoreError.unsupportedArtifact("c1")) {
            try ControlPlaneArtifactSource.deployed(
                try JSONDecoder().decode(AgentCoreControlClient.RuntimeDetails.self, from: Data(container.utf8)))
        }
    }
}
