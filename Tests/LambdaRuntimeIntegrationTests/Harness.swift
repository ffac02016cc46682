#if canImport(Glibc)
import PlatformTestSupport
import Glibc
#endif
import HTTPServer
import LambdaHost
import Synchronization

/// Real bootstrap processes behind an in-process `LambdaHost` and its Invoke endpoint.
final class Harness: Sendable {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    let host: LambdaHost
    let server: HTTPServer
    private let lines = Lines()

    init(_ functions: [FunctionConfiguration]) throws {
        let lines = self.lines
        host = try LambdaHost(functions: functions, hostEnvironment: ["PATH": "/usr/bin:/bin"], log: { line in
            lines.lines.withLock { $0.append(line) }
        })
        server = try HTTPServer(handler: InvokeEndpoint.router(host: host).handler)
    }

    /// START/END/REPORT lines the host wrote so far.
    var log: [String] { lines.lines.withLock { $0 } }

    deinit {
        host.stop()
        server.stop()
    }

    func invoke(_ function: String, _ body: String, headers: String = "") throws -> WireClient.Reply {
        try WireClient(port: server.port).request("POST", "/2015-03-31/functions/\(function)/invocations", body: body, headers: headers)
    }

    /// The folder holding the test bundle, where `swift build` puts the fixture executables.
    static let binaries: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = String(decoding: buffer[..<max(0, count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    }()

    static func fixture(_ name: String, mode: String = "buffered", environment: [String: String] = [:],
                        timeout: Double = 3, concurrency: Int = 1, initTimeout: Double = 10) -> FunctionConfiguration {
        var env = environment
        env["FIXTURE_MODE"] = mode
        return FunctionConfiguration(
            name: name, bootstrap: "\(binaries)/runtime-fixture", environment: env, timeout: timeout,
            concurrency: concurrency, streaming: mode == "streaming", initTimeout: initTimeout
        )
    }
}
