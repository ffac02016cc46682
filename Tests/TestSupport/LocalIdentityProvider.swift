import AWSCore
import Foundation

/// `scripts/local_idp.py`, the Entra-like issuer, run for one test: started on
/// a free loopback port, stopped on `stop()` or deinit, and gone with the test
/// process if that dies first (it exits when its stdin closes).
public final class LocalIdentityProvider: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Only `stop()` touches the process after init; it is idempotent.
    private let process: Process
    private let stdin = Pipe()
    private let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(10)))
    public let baseURL: String
    public let tenant: String
    public let audience: String

    public var issuer: String { "\(baseURL)/\(tenant)/v2.0" }
    public var jwksURL: String { "\(baseURL)/discovery/v2.0/keys" }

    public init(tenant: String = "local-entra-tenant", audience: String = "api://agent-platform") throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let ready = FileManager.default.temporaryDirectory.appendingPathComponent("idp-\(UUID().uuidString).ready")
        defer { try? FileManager.default.removeItem(at: ready) }
        process = Process()
        process.executableURL = root.appendingPathComponent(".venv/bin/python")
        process.arguments = [root.appendingPathComponent("scripts/local_idp.py").path, "--tenant", tenant, "--audience", audience,
                             "--ready-file", ready.path, "--exit-on-stdin-eof"]
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        self.tenant = tenant
        self.audience = audience
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start scripts/local_idp.py with .venv/bin/python (run `make deps`): \(error)")
        }
        let deadline = Date().addingTimeInterval(20)
        var base = ""
        while base.isEmpty {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw Failure(description: "scripts/local_idp.py did not become ready within 20 s")
            }
            Thread.sleep(forTimeInterval: 0.02)
            base = ((try? String(contentsOf: ready, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        baseURL = base
    }

    deinit { stop() }

    /// Stops the server (an outage, for tests of what happens then).
    public func stop() {
        guard process.isRunning else { return }
        // Closing stdin makes the server exit at once (--exit-on-stdin-eof); SIGTERM
        // alone may be blocked in the mask the child inherits from the test process.
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        // Not waitUntilExit: on Linux it can miss the exit and spin its run loop forever.
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    /// An RS256 access token; `claims` is a JSON object of claims to set (null removes one).
    public func token(_ claims: String = "{}") async throws -> String {
        let answer = try await post("/dev/token", claims)
        guard let token = answer["access_token"] as? String else { throw Failure(description: "/dev/token answered without a token") }
        return token
    }

    /// Publishes a new signing key (the newest signs); returns its kid.
    @discardableResult
    public func rotateKeys(retireOld: Bool = false) async throws -> String {
        let answer = try await post("/dev/rotate-keys", #"{"retireOld":\#(retireOld)}"#)
        guard let kid = answer["kid"] as? String else { throw Failure(description: "/dev/rotate-keys answered without a kid") }
        return kid
    }

    private func post(_ path: String, _ body: String) async throws -> [String: Any] {
        guard let request = HTTPRequest(method: "POST", url: baseURL + path, headers: HTTPHeaders([("Content-Type", "application/json")]),
                                        body: Data(body.utf8)) else { throw Failure(description: "bad URL") }
        let response = try await transport.send(request)
        guard response.status == 200, let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw Failure(description: "\(path) answered \(response.status)")
        }
        return object
    }
}
