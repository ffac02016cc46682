import AWSCore
import DataAccess
import Foundation
import PlatformTestSupport
import Synchronization
import Testing

/// The local platform (`local-platform`: function host, API Gateway, local
/// AgentCore Runtime) against the moto of `make test-int`, seeded like the
/// dev bootstrap: tenants `acme-basic` (basic) and `globex-premium`
/// (premium), agents `echo-agent`, `echo-agent-async`, `echo-agent-premium`.
/// Started once per test process.
final class PlatformStack: Sendable {
    let aws: LocalAWS
    let apiURL: String
    let emulatorURL: String
    let agentCoreURL: String
    private let process: Process
    /// The wrapper's stdin: when the test process ends, it closes and the platform is stopped.
    private let lifeline = Pipe()

    static let shared: Result<PlatformStack, any Error> = Result { try PlatformStack() }

    static func get() throws -> PlatformStack { try shared.get() }

    private init() throws {
        aws = try LocalAWS()
        try Seed(aws: aws).run()
        let readyFile = FileManager.default.temporaryDirectory.appendingPathComponent("platform-\(UUID().uuidString).ready")
        let bin = LocalRuntime.repository.appendingPathComponent(".build/debug")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The platform (and its agents and functions) must not outlive the tests.
        process.arguments = ["-c", "\"$0\" \"$@\" </dev/null & pid=$!; cat >/dev/null; kill -TERM $pid; wait $pid",
                             bin.appendingPathComponent("local-platform").path, "--config", LocalRuntime.repository.appendingPathComponent("scripts/dev-platform.json").path,
                             "--routes", LocalRuntime.repository.appendingPathComponent("infra/routes.json").path,
                             "--bin-dir", bin.path, "--ready-file", readyFile.path]
        var environment = ProcessInfo.processInfo.environment
        environment["ASYNC_RUNNER_POLL_SECONDS"] = "0.2"
        environment["WEBHOOK_RETRY_BASE_SECONDS"] = "0.1"
        process.environment = environment
        let log = LocalRuntime.repository.appendingPathComponent(".local/invocation-it-platform.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = lifeline
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var urls: [String: String]?
        while Date() < deadline, process.isRunning {
            if let data = try? Data(contentsOf: readyFile), !data.isEmpty {
                urls = try JSONSerialization.jsonObject(with: data) as? [String: String]
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let urls, let api = urls["api"], let emulator = urls["emulator"], let agentCore = urls["agentcore"] else {
            throw StackError("local-platform did not become ready; see .local/invocation-it-platform.log")
        }
        apiURL = api
        emulatorURL = emulator
        agentCoreURL = agentCore
    }

    struct StackError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// One chunk as it arrived, with its arrival time.
    struct Received: Sendable { var at: Date; var bytes: Data }

    /// Invokes the bridge with a proxy event through the emulator's streaming
    /// invoke (the API Gateway path once the authoriser is hosted).
    func invokeBridge(_ event: [String: Any]) async throws -> [Received] {
        let body = try JSONSerialization.data(withJSONObject: event)
        guard let request = HTTPRequest(method: "POST", url: "\(emulatorURL)/2021-11-15/functions/bridge/response-streaming-invocations",
                                        headers: HTTPHeaders([("Content-Type", "application/json")]), body: body) else {
            throw StackError("bad emulator URL")
        }
        let received = Mutex<[Received]>([])
        _ = try await aws.transport.stream(request, onHead: { _ in }, onChunk: { chunk in
            received.withLock { $0.append(Received(at: Date(), bytes: chunk)) }
        })
        return received.withLock { $0 }
    }

    /// Sets or clears an injected runtime fault in `region`.
    func injectFault(region: String, error: String?, count: Int? = nil) async throws {
        let request: HTTPRequest?
        if let error {
            var fields: [String: Any] = ["region": region, "error": error]
            if let count { fields["count"] = count }
            request = HTTPRequest(method: "POST", url: "\(agentCoreURL)/_local/faults",
                                  body: try JSONSerialization.data(withJSONObject: fields))
        } else {
            request = HTTPRequest(method: "DELETE", url: "\(agentCoreURL)/_local/faults")
        }
        _ = try await aws.transport.send(request!)
    }
}
