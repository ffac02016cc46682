import AWSCore
import DataAccess
import HTTPWire
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
    let identity: LocalIdentityProvider
    /// Seeded tenant users' bearer tokens by tenant id.
    let tokens: [String: String]
    private let process: Process
    /// The wrapper's stdin: when the test process ends, it closes and the platform is stopped.
    private let lifeline = Pipe()

    static let shared: Result<PlatformStack, any Error> = Result { try PlatformStack() }

    /// Free loopback ports the stack lists in `WEBHOOK_LOCAL_RECEIVERS`: the
    /// only loopback addresses a webhook may call (one per receiver test).
    static let webhookReceiverPorts: [Int] = (0..<3).compactMap { _ in
        guard let (probe, port) = try? TCPSocket.listen(host: "127.0.0.1", port: 0) else { return nil }
        probe.close()
        return port
    }

    static func get() throws -> PlatformStack { try shared.get() }

    private init() throws {
        aws = try LocalAWS()
        try Seed(aws: aws).run()
        identity = try LocalIdentityProvider()
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
        environment["ENTRA_JWKS_URL"] = identity.jwksURL
        environment["ENTRA_ISSUER"] = identity.issuer
        environment["ENTRA_AUDIENCE"] = identity.audience
        environment["WEBHOOK_RETRY_BASE_SECONDS"] = "0.1"
        environment["WEBHOOK_LOCAL_RECEIVERS"] = Self.webhookReceiverPorts.map { "127.0.0.1:\($0)" }.joined(separator: ",")
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
        var tokens: [String: String] = [:]
        let identity = identity
        for (tenant, tier) in Seed.tenants {
            tokens[tenant] = try Seed.blocking {
                try await identity.token(#"{"tenantid":"\#(tenant)","appid":"\#(tenant)-app","tier":"\#(tier)","sub":"user@\#(tenant)","roles":[]}"#)
            }
        }
        self.tokens = tokens
    }

    struct StackError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// One chunk as it arrived, with its arrival time.
    struct Received: Sendable { var at: Date; var bytes: Data }

    /// An answer of the local API Gateway, chunk by chunk as it arrived.
    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var chunks: [Received]
        var body: String { String(decoding: chunks.reduce(into: Data()) { $0.append($1.bytes) }, as: UTF8.self) }
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// A request through the local API Gateway (authoriser included) as `tenant`'s user.
    /// `token` replaces the seeded user's (for another user of the tenant).
    func call(_ method: String, _ path: String, tenant: String = "acme-basic", token: String? = nil,
              headers: [(String, String)] = [], body: String? = nil) async throws -> Answer {
        var fields = HTTPHeaders([("Authorization", "Bearer \(token ?? tokens[tenant] ?? "")"), ("Content-Type", "application/json")])
        for (name, value) in headers { fields.set(name, value) }
        guard let request = HTTPRequest(method: method, url: apiURL + path, headers: fields, body: Data((body ?? "").utf8)) else {
            throw StackError("bad API URL")
        }
        let head = Mutex<HTTPResponse?>(nil)
        let received = Mutex<[Received]>([])
        _ = try await aws.transport.stream(request, onHead: { response in head.withLock { $0 = response } }, onChunk: { chunk in
            received.withLock { $0.append(Received(at: Date(), bytes: chunk)) }
        })
        let response = head.withLock { $0 } ?? HTTPResponse(status: 0)
        return Answer(status: response.status, headers: response.headers, chunks: received.withLock { $0 })
    }

    /// `POST /v1/agents/{agent}/invoke`.
    func invoke(_ agent: String, _ body: String, tenant: String = "acme-basic", token: String? = nil,
                headers: [(String, String)] = []) async throws -> Answer {
        try await call("POST", "/v1/agents/\(agent)/invoke", tenant: tenant, token: token, headers: headers, body: body)
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
