import AWSCore
import Foundation
import Glibc
import Testing

/// `scripts/local_idp.py` running for one test, with the client secret from a file.
final class LocalIdentityProvider: Sendable {
    struct NotReady: Error {}

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let audience = "api://agent-platform"
    static let clientID = "local-bff-client"

    let baseURL: String
    let process: Process
    let transport: CurlTransport

    var issuer: String { "\(baseURL)/local-entra-tenant/v2.0" }

    init(clientSecret: String, transport: CurlTransport) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bff-idp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let secretFile = directory.appendingPathComponent("client-secret")
        let readyFile = directory.appendingPathComponent("ready")
        try Data(clientSecret.utf8).write(to: secretFile)
        let process = Process()
        process.executableURL = Self.repositoryRoot.appendingPathComponent(".venv/bin/python")
        process.arguments = [Self.repositoryRoot.appendingPathComponent("scripts/local_idp.py").path,
                             "--client-secret-file", secretFile.path, "--ready-file", readyFile.path,
                             "--audience", Self.audience, "--client-id", Self.clientID]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var base: String?
        for _ in 0..<200 where base == nil {
            if let text = try? String(contentsOf: readyFile, encoding: .utf8), text.hasSuffix("\n") {
                base = text.trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let base else {
            process.terminate()
            throw NotReady()
        }
        baseURL = base
        self.process = process
        self.transport = transport
    }

    /// Stops the server; call it from the test's `defer`. Not `waitUntilExit()`: it spins
    /// a run loop that never sees the exit on a Swift concurrency thread.
    /// SIGKILL directly: the child inherits the test thread's blocked-signal mask, so
    /// SIGTERM (`Process.terminate()`) stays pending and the server never exits.
    func stop() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// A user access token for `tenantID`, as the SPA would hold it.
    func userToken(tenantID: String) async throws -> String {
        let claims = #"{"tenantid":"\#(tenantID)","appid":"\#(tenantID)-app","tier":"basic","sub":"user@\#(tenantID)"}"#
        let response = try await post("/dev/token", claims)
        let body = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return try #require(body?["access_token"] as? String)
    }

    /// Makes the next token-endpoint call answer `status`.
    func failNext(_ status: Int) async throws {
        let response = try await post("/dev/fail-next", #"{"status":\#(status)}"#)
        precondition(response.status == 200)
    }

    private func post(_ path: String, _ json: String) async throws -> HTTPResponse {
        let request = HTTPRequest(method: "POST", url: baseURL + path,
                                  headers: HTTPHeaders([("Content-Type", "application/json")]), body: Data(json.utf8))!
        return try await transport.send(request)
    }
}
